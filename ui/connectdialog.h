#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

// Where the console connects: the built-in sandbox with the demo course, or a
// cluster through a kubeconfig and one of its contexts. The choice is kept in
// QSettings and offered again next time.
struct ConnectionChoice
{
    bool sandbox = true;
    QStringList kubeconfigFiles; // empty: $KUBECONFIG or ~/.kube/config
    QString context;             // empty: the kubeconfig's current context

    static ConnectionChoice load(); // the last choice, or the sandbox
    void save() const;
};

class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(const ConnectionChoice &current, QWidget *parent = nullptr);
    ConnectionChoice choice() const;

private:
    void browse();
    void reloadContexts();
    void updateState();

    QRadioButton *m_sandbox = nullptr;
    QRadioButton *m_kubeconfig = nullptr;
    QLineEdit *m_files = nullptr;
    QComboBox *m_contexts = nullptr;
    QLabel *m_problem = nullptr;
    QString m_wantedContext;
};
