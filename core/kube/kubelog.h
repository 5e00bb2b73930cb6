#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcKubeConfig)
Q_DECLARE_LOGGING_CATEGORY(lcKubeHttp)
Q_DECLARE_LOGGING_CATEGORY(lcKubeWatch)
