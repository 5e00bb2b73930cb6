#pragma once

#include "kube/clusteraccess.h"

#include <QByteArray>
#include <QWidget>
#include <memory>

class QLabel;
class QPlainTextEdit;

namespace kube {
class KubeClient;
}

// The student's Deployment and Pod as YAML, read-only, in the order the API
// server wrote the fields (managedFields left out, as kubectl does). Read when
// start() is called (the tab is shown) and again with Refresh; the JSON is
// turned into YAML in the thread pool, so a large object never stalls the GUI.
class YamlView : public QWidget
{
    Q_OBJECT

public:
    explicit YamlView(QWidget *parent = nullptr);
    ~YamlView() override;

    void setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                   const QString &deployment);
    void start();
    void stop();
    void refresh();

    QString text() const;
    QPlainTextEdit *editor() const { return m_text; }

    // A JSON document as block YAML, keys in the order they come, strings
    // quoted where YAML would read them as something else; *error on bad JSON.
    static QString jsonToYaml(const QByteArray &json, QString *error = nullptr);

Q_SIGNALS:
    void loaded();

private:
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_status = nullptr;
    kube::KubeClient *m_client = nullptr;
    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_deployment;
    quint64 m_generation = 0;
    bool m_loaded = false;
};
