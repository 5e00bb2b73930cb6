#include "diagnosticsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

DiagnosticsDialog::DiagnosticsDialog(const QString &title, const QString &summary,
                                     const course::Diagnostics &diagnostics, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(summary, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *list = new QListWidget(this);
    list->setAccessibleName(tr("Problems found"));
    for (const course::Diagnostic &d : diagnostics) {
        auto *item = new QListWidgetItem(d.toString(), list);
        item->setIcon(style()->standardIcon(d.severity == course::Diagnostic::Severity::Error
                                                ? QStyle::SP_MessageBoxCritical
                                                : QStyle::SP_MessageBoxWarning));
    }
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 360);
}
