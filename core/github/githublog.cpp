#include "github/githublog.h"

Q_LOGGING_CATEGORY(lcGithubHttp, "courseops.github.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGithubAuth, "courseops.github.auth", QtInfoMsg)
