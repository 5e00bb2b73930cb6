#include "sandbox/sandboxlog.h"

Q_LOGGING_CATEGORY(lcSandboxHttp, "courseops.sandbox.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandboxKube, "courseops.sandbox.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxRuntime, "courseops.sandbox.runtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxGithub, "courseops.sandbox.github", QtInfoMsg)
