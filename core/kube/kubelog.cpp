#include "kube/kubelog.h"

Q_LOGGING_CATEGORY(lcKubeConfig, "courseops.kube.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKubeHttp, "courseops.kube.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKubeWatch, "courseops.kube.watch", QtWarningMsg)
