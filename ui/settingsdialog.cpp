#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

ConsoleSettings ConsoleSettings::load()
{
    QSettings s;
    ConsoleSettings c;
    c.tableRefreshMs = s.value(QStringLiteral("settings/tableRefreshMs"), c.tableRefreshMs).toInt();
    c.logBufferLines = s.value(QStringLiteral("settings/logBufferLines"), c.logBufferLines).toInt();
    c.probeIntervalSeconds = s.value(QStringLiteral("settings/probeIntervalSeconds"), c.probeIntervalSeconds).toInt();
    c.healthRefreshSeconds = s.value(QStringLiteral("settings/healthRefreshSeconds"), c.healthRefreshSeconds).toInt();
    c.theme = theme::fromKey(s.value(QStringLiteral("settings/theme")).toString()).value_or(theme::Theme::System);
    return c;
}

void ConsoleSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("settings/tableRefreshMs"), tableRefreshMs);
    s.setValue(QStringLiteral("settings/logBufferLines"), logBufferLines);
    s.setValue(QStringLiteral("settings/probeIntervalSeconds"), probeIntervalSeconds);
    s.setValue(QStringLiteral("settings/healthRefreshSeconds"), healthRefreshSeconds);
    s.setValue(QStringLiteral("settings/theme"), theme::key(theme));
}

SettingsDialog::SettingsDialog(const ConsoleSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_openedWith(theme::current())
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto spin = [this](int min, int max, int step, int value, const QString &suffix, const QString &name) {
        auto *s = new QSpinBox(this);
        s->setRange(min, max);
        s->setSingleStep(step);
        s->setValue(value);
        s->setSuffix(suffix);
        s->setAccessibleName(name);
        return s;
    };
    m_refresh = spin(50, 5000, 50, current.tableRefreshMs, tr(" ms"), tr("Table refresh"));
    m_logLines = spin(10000, 2000000, 10000, current.logBufferLines, tr(" lines"), tr("Log buffer"));
    m_probe = spin(5, 3600, 5, current.probeIntervalSeconds, tr(" s"), tr("Probe interval"));
    m_health = spin(1, 600, 1, current.healthRefreshSeconds, tr(" s"), tr("Cluster health refresh"));
    form->addRow(tr("Table &refresh:"), m_refresh);
    form->addRow(tr("&Log buffer:"), m_logLines);
    form->addRow(tr("App &probe every:"), m_probe);
    form->addRow(tr("Cluster &health every:"), m_health);
    m_theme = new QComboBox(this);
    m_theme->setAccessibleName(tr("Theme"));
    for (theme::Theme t : {theme::Theme::System, theme::Theme::Light, theme::Theme::Dark, theme::Theme::HighContrast})
        m_theme->addItem(theme::displayName(t), QVariant::fromValue(int(t)));
    m_theme->setCurrentIndex(m_theme->findData(int(m_openedWith)));
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { theme::apply(settings().theme); });
    form->addRow(tr("&Theme:"), m_theme);
    layout->addLayout(form);
    auto *note = new QLabel(tr("Longer intervals mean fewer requests to the cluster and the apps. A log view "
                               "drops its oldest lines past the buffer size. High contrast shows the keyboard focus with a thick "
                               "yellow frame."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ConsoleSettings SettingsDialog::settings() const
{
    ConsoleSettings c;
    c.tableRefreshMs = m_refresh->value();
    c.logBufferLines = m_logLines->value();
    c.probeIntervalSeconds = m_probe->value();
    c.healthRefreshSeconds = m_health->value();
    c.theme = theme::Theme(m_theme->currentData().toInt());
    return c;
}

void SettingsDialog::done(int result)
{
    if (result != QDialog::Accepted && theme::current() != m_openedWith)
        theme::apply(m_openedWith);
    QDialog::done(result);
}
