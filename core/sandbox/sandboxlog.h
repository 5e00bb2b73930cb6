#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSandboxHttp)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxKube)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxRuntime)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxGithub)
