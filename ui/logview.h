#pragma once

#include "course/stacktrace.h"
#include "kube/apistatus.h"
#include "kube/clusteraccess.h"
#include "kube/logstream.h"

#include <QList>
#include <QPointer>
#include <QWidget>
#include <memory>

class LogModel;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class QToolButton;

// One container's log, followed live: auto-scroll that stops when the user
// scrolls up (Follow resumes it), pause, search with every match highlighted
// and F3 / Shift+F3 to step through them, timestamps, the previous
// container's log, wrapping, save and clear, and a status line with the lines
// held and dropped and what the stream is doing. The stream is open only
// between start() and stop().
class LogView : public QWidget
{
    Q_OBJECT

public:
    enum class StreamState { Idle, Connecting, Following, Reconnecting, Ended };
    Q_ENUM(StreamState)

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    // The container whose log to show; stops any stream of the previous one and clears.
    void setSource(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                   const QString &container = {});
    void start();
    void stop();
    bool isStreaming() const { return m_stream != nullptr; }
    StreamState streamState() const { return m_state; }

    LogModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    void setMaxLines(qsizetype lines);

    bool isFollowing() const { return m_following; }
    void setFollowing(bool follow);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    void setShowTimestamps(bool show);
    void setShowPrevious(bool previous);
    bool showsPrevious() const { return m_previous; }
    void setWrap(bool wrap);
    bool wraps() const { return m_wrap; }

    // Search: the rows that match, and which one is current (-1: none).
    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }
    const QList<int> &matchRows() const { return m_matches; }
    int currentMatchRow() const;
    void nextMatch();
    void previousMatch();

    // Writes what the view holds (with timestamps when shown); false and *error
    // (cause and fix) when the file cannot be written.
    bool saveTo(const QString &path, QString *error) const;
    void clear();

    QString statusText() const;

Q_SIGNALS:
    void streamStateChanged(LogView::StreamState state);
    // A stack-trace line into the app's code was activated (double-click or Enter).
    void sourceLocationActivated(const course::SourceLocation &location);

private:
    void onLines(const QList<kube::LogLine> &lines);
    void onRowsInserted(int first, int last);
    void onLinesDropped(int count);
    void setState(StreamState state, const QString &detail = {});
    void runSearch();
    void showCurrentMatch();
    void updateStatus();
    void updateMatchLabel();
    void saveDialog();
    void relayout();

    LogModel *m_model = nullptr;
    QListView *m_list = nullptr;
    class LogDelegate *m_delegate = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_timestampsButton = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_wrapButton = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matchLabel = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTimer *m_statusDelay = nullptr;

    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_container;
    QPointer<kube::LogStream> m_stream;
    StreamState m_state = StreamState::Idle;
    QString m_stateDetail;

    QList<kube::LogLine> m_held; // arrived while paused
    qint64 m_heldDropped = 0;
    QString m_needle;
    QList<int> m_matches;
    int m_current = -1; // index into m_matches
    bool m_following = true;
    bool m_paused = false;
    bool m_previous = false;
    bool m_wrap = false;
    bool m_autoScrolling = false;
};
