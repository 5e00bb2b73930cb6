#pragma once

#include "theme.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

// What a TA tunes: how often the table takes in changes, how much log a view
// keeps, how often each app is probed and cluster health refreshed. Kept in
// QSettings, with the colour theme (System / Light / Dark / High contrast).
struct ConsoleSettings
{
    int tableRefreshMs = 100;      // the student index sends row batches at most this often
    int logBufferLines = 200000;   // lines a log view keeps before dropping the oldest
    int probeIntervalSeconds = 30; // each app's URL is requested this often
    int healthRefreshSeconds = 5;  // cluster health: nodes, pods by phase, API health
    theme::Theme theme = theme::Theme::System;

    static ConsoleSettings load();
    void save() const;
};

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const ConsoleSettings &current, QWidget *parent = nullptr);
    ConsoleSettings settings() const;
    // Cancel puts back the theme the dialog opened with (choosing one previews it at once).
    void done(int result) override;

private:
    theme::Theme m_openedWith = theme::Theme::System;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_refresh = nullptr;
    QSpinBox *m_logLines = nullptr;
    QSpinBox *m_probe = nullptr;
    QSpinBox *m_health = nullptr;
};
