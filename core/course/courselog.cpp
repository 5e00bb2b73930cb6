#include "course/courselog.h"

Q_LOGGING_CATEGORY(lcCourseConfig, "courseops.course.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCourseRoster, "courseops.course.roster", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCourse, "courseops.course", QtInfoMsg)
