#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGithubHttp)
Q_DECLARE_LOGGING_CATEGORY(lcGithubAuth)
