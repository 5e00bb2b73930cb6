#include "commitdialog.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// tr() with %n and no English translation loaded leaves "file(s)": pick the English form.
QString plural(QString text, qsizetype n)
{
    text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return text;
}

const QRegularExpression &trailerPattern()
{
    static const QRegularExpression re(u"^Co-authored-by: [^<>\\n]*\\S[^<>\\n]* <[^<>\\s@]+@[^<>\\s]+>$"_s);
    return re;
}

} // namespace

QString CommitDialog::trailerFor(const course::Person &student)
{
    if (student.name.trimmed().isEmpty() && student.email.trimmed().isEmpty())
        return {};
    return u"Co-authored-by: "_s + student.name.trimmed() + u" <"_s + student.email.trimmed() + u'>';
}

CommitDialog::CommitDialog(const QString &repository, const QString &branch, const QList<File> &files,
                           const course::Person &author, const course::Person &student, QWidget *parent)
    : QDialog(parent)
    , m_files(files)
{
    setObjectName(u"commitDialog"_s);
    setWindowTitle(tr("Commit to %1").arg(repository));
    auto *intro = new QLabel(
        plural(tr("One commit on <b>%1</b> of <b>%2</b> with these %n file(s):", nullptr, int(files.size())),
               files.size())
            .arg(branch.toHtmlEscaped(), repository.toHtmlEscaped()),
        this);
    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(u"commitFiles"_s);
    m_fileList->setAccessibleName(tr("Files in the commit"));
    for (const File &f : files) {
        QString status;
        QColor color;
        switch (f.status) {
        case File::Status::Modified:
            status = tr("modified");
            color = theme::foreground(theme::Tone::Warning, palette());
            break;
        case File::Status::Added:
            status = tr("added");
            color = theme::foreground(theme::Tone::Ok, palette());
            break;
        case File::Status::Deleted:
            status = tr("deleted");
            color = theme::foreground(theme::Tone::Error, palette());
            break;
        }
        auto *item = new QListWidgetItem(f.path + u"  ("_s + status + u')', m_fileList);
        item->setForeground(color);
        item->setData(Qt::UserRole, f.path);
    }
    m_fileList->setMaximumHeight(std::min(160, 24 + int(files.size()) * 20));

    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(u"commitMessage"_s);
    m_message->setPlaceholderText(tr("What the fix does, e.g. \"Fix the syntax error in server.js\""));
    m_message->setTabChangesFocus(true);
    m_authorName = new QLineEdit(author.name, this);
    m_authorName->setObjectName(u"authorName"_s);
    m_authorEmail = new QLineEdit(author.email, this);
    m_authorEmail->setObjectName(u"authorEmail"_s);
    m_trailer = new QLineEdit(trailerFor(student), this);
    m_trailer->setObjectName(u"coAuthorTrailer"_s);
    m_trailer->setToolTip(
        tr("Credits the student on GitHub (when the email is one of their account's). Empty: "
           "no trailer."));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"commitProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(theme::cssColor(theme::Tone::Error));

    auto *form = new QFormLayout;
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("Author &name:"), m_authorName);
    form->addRow(tr("Author &email:"), m_authorEmail);
    form->addRow(tr("&Trailer:"), m_trailer);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Commit"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"commitButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_fileList);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_message, &QPlainTextEdit::textChanged, this, &CommitDialog::validate);
    for (QLineEdit *e : {m_authorName, m_authorEmail, m_trailer})
        connect(e, &QLineEdit::textChanged, this, &CommitDialog::validate);
    validate();
    resize(560, sizeHint().height());
    m_message->setFocus();
}

QString CommitDialog::trailer() const
{
    return m_trailer->text().trimmed();
}

QString CommitDialog::message() const
{
    QString text = m_message->toPlainText().trimmed();
    if (!trailer().isEmpty())
        text += u"\n\n"_s + trailer();
    return text;
}

course::Person CommitDialog::author() const
{
    return {m_authorName->text().trimmed(), m_authorEmail->text().trimmed()};
}

QString CommitDialog::problem() const
{
    if (m_files.isEmpty())
        return tr("Nothing to commit: no file differs from the branch.");
    if (m_message->toPlainText().trimmed().isEmpty())
        return tr("Write a commit message: the student reads it in their history.");
    if (m_authorName->text().trimmed().isEmpty())
        return tr("Enter your name as the author.");
    if (!author().isValid())
        return tr("Enter your email as the author's email (name@example.org).");
    if (!trailer().isEmpty() && !trailerPattern().match(trailer()).hasMatch())
        return tr(
            "The trailer must read \"Co-authored-by: Name <email>\"; fix it or clear it to commit without "
            "crediting the student.");
    return {};
}

void CommitDialog::validate()
{
    const QString p = problem();
    m_problem->setText(p);
    m_problem->setVisible(!p.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}
