#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCourseConfig)
Q_DECLARE_LOGGING_CATEGORY(lcCourseRoster)
Q_DECLARE_LOGGING_CATEGORY(lcCourse)
