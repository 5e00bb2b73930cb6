#pragma once

#include "course/courseconfig.h"
#include "course/roster.h"

#include <QMainWindow>

class FleetModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a course file and roster; problems are listed in a dialog unless `quiet`.
    bool openCourse(const QString &coursePath, const QString &rosterPath, bool quiet = false);

    const course::CourseConfig &course() const { return m_course; }
    const course::Roster &roster() const { return m_roster; }
    QTableView *fleetView() const { return m_view; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateStatus();
    void openCourseDialog();
    void importRosterDialog();
    void showAbout();

    course::CourseConfig m_course;
    course::Roster m_roster;
    QString m_coursePath;
    FleetModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_courseLabel = nullptr;
};
