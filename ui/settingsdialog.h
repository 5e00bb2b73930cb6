#pragma once

#include <QDialog>

class QSpinBox;

// What a TA tunes: how often the table takes in changes, how much log a view
// keeps, how often each app is probed and cluster health refreshed. Kept in
// QSettings; the theme follows the system's.
struct ConsoleSettings
{
    int tableRefreshMs = 100;      // the student index sends row batches at most this often
    int logBufferLines = 200000;   // lines a log view keeps before dropping the oldest
    int probeIntervalSeconds = 30; // each app's URL is requested this often
    int healthRefreshSeconds = 5;  // cluster health: nodes, pods by phase, API health

    static ConsoleSettings load();
    void save() const;
};

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const ConsoleSettings &current, QWidget *parent = nullptr);
    ConsoleSettings settings() const;

private:
    QSpinBox *m_refresh = nullptr;
    QSpinBox *m_logLines = nullptr;
    QSpinBox *m_probe = nullptr;
    QSpinBox *m_health = nullptr;
};
