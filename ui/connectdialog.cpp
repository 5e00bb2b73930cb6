#include "connectdialog.h"

#include "kube/kubeconfig.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

const QString kSandboxKey = QStringLiteral("connection/sandbox");
const QString kFilesKey = QStringLiteral("connection/kubeconfig");
const QString kContextKey = QStringLiteral("connection/context");

} // namespace

ConnectionChoice ConnectionChoice::load()
{
    QSettings settings;
    ConnectionChoice c;
    c.sandbox = settings.value(kSandboxKey, true).toBool();
    c.kubeconfigFiles = settings.value(kFilesKey).toStringList();
    c.context = settings.value(kContextKey).toString();
    return c;
}

void ConnectionChoice::save() const
{
    QSettings settings;
    settings.setValue(kSandboxKey, sandbox);
    settings.setValue(kFilesKey, kubeconfigFiles);
    settings.setValue(kContextKey, context);
}

ConnectDialog::ConnectDialog(const ConnectionChoice &current, QWidget *parent)
    : QDialog(parent)
    , m_wantedContext(current.context)
{
    setWindowTitle(tr("Connect to a Cluster"));
    setObjectName(QStringLiteral("connectDialog"));
    auto *layout = new QVBoxLayout(this);

    m_sandbox = new QRadioButton(tr("&Built-in sandbox with the demo course"), this);
    m_sandbox->setObjectName(QStringLiteral("useSandbox"));
    auto *sandboxNote = new QLabel(tr("A local Kubernetes and GitHub on this computer, with 40 demo students "
                                      "and their apps. Nothing leaves the machine."),
                                   this);
    sandboxNote->setWordWrap(true);
    sandboxNote->setIndent(24);
    m_kubeconfig = new QRadioButton(tr("A cluster from a &kubeconfig"), this);
    m_kubeconfig->setObjectName(QStringLiteral("useKubeconfig"));

    auto *form = new QFormLayout;
    form->setContentsMargins(24, 0, 0, 0);
    auto *fileRow = new QHBoxLayout;
    m_files = new QLineEdit(this);
    m_files->setObjectName(QStringLiteral("kubeconfigFiles"));
    m_files->setPlaceholderText(kube::KubeConfig::defaultFiles().join(QDir::listSeparator()));
    m_files->setText(current.kubeconfigFiles.join(QDir::listSeparator()));
    m_files->setAccessibleName(tr("Kubeconfig files"));
    auto *browse = new QPushButton(tr("B&rowse…"), this);
    fileRow->addWidget(m_files, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("&File:"), fileRow);
    m_contexts = new QComboBox(this);
    m_contexts->setObjectName(QStringLiteral("contexts"));
    m_contexts->setAccessibleName(tr("Context"));
    m_contexts->setMinimumContentsLength(30);
    form->addRow(tr("&Context:"), m_contexts);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("kubeconfigProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Co&nnect"));

    layout->addWidget(m_sandbox);
    layout->addWidget(sandboxNote);
    layout->addSpacing(8);
    layout->addWidget(m_kubeconfig);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ConnectDialog::browse);
    connect(m_files, &QLineEdit::editingFinished, this, &ConnectDialog::reloadContexts);
    connect(m_sandbox, &QRadioButton::toggled, this, &ConnectDialog::updateState);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    (current.sandbox ? m_sandbox : m_kubeconfig)->setChecked(true);
    reloadContexts();
    updateState();
    resize(560, sizeHint().height());
}

ConnectionChoice ConnectDialog::choice() const
{
    ConnectionChoice c;
    c.sandbox = m_sandbox->isChecked();
    c.kubeconfigFiles = kube::KubeConfig::splitFileList(m_files->text().trimmed());
    c.context = m_contexts->currentText();
    return c;
}

void ConnectDialog::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"));
    if (file.isEmpty())
        return;
    m_files->setText(file);
    reloadContexts();
}

void ConnectDialog::reloadContexts()
{
    const QString previous = m_contexts->currentText().isEmpty() ? m_wantedContext : m_contexts->currentText();
    const QStringList files = kube::KubeConfig::splitFileList(m_files->text().trimmed());
    const kube::KubeConfig config = files.isEmpty() ? kube::KubeConfig::loadDefault() : kube::KubeConfig::load(files);
    m_contexts->clear();
    m_contexts->addItems(config.contexts());
    const QString pick = config.hasContext(previous) ? previous : config.currentContext();
    m_contexts->setCurrentText(pick);
    QStringList problems;
    for (const auto &error : config.errors())
        problems << error.toString();
    if (config.contexts().isEmpty() && problems.isEmpty())
        problems << tr("No contexts found in %1. Choose the kubeconfig your cluster's provider gave you "
                       "(for GKE: gcloud container clusters get-credentials).")
                        .arg((files.isEmpty() ? kube::KubeConfig::defaultFiles() : files).join(QStringLiteral(", ")));
    m_problem->setText(problems.join(u'\n'));
    m_problem->setVisible(!problems.isEmpty());
    updateState();
}

void ConnectDialog::updateState()
{
    const bool kubeconfig = m_kubeconfig->isChecked();
    m_files->setEnabled(kubeconfig);
    m_contexts->setEnabled(kubeconfig);
    auto *buttons = findChild<QDialogButtonBox *>();
    if (buttons)
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!kubeconfig || m_contexts->count() > 0);
}
