#pragma once

#include "cli_jobs.h"

#include "course/waverunner.h"

class QTextStream;

// `courseops-cli deploy`: the kube half of seed (Deployment at the
// repository's head, Service, route) for every roster student, journaled.
int runDeployCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);

// `courseops-cli redeploy` (at each repository's head) and `courseops-cli
// restart` for a selection, a cohort or everyone, in waves (canary, batches,
// pause, failure bound), with a journal: a resumed run skips the students it
// finished. Returns a JobExit; a run stopped by the failure bound is
// JobFailures and says why.
int runWaveCommand(course::WaveAction action, const JobCommandOptions &options, QTextStream &out, QTextStream &err);

// "30s", "500ms", "2m", "1h" (a bare number is seconds).
qint64 parseWaveDuration(const QString &text, bool *ok);

// The students --students and --cohort select, lower case in roster order
// (everyone when neither is given); false with *error naming an unknown login
// or an empty cohort.
bool selectStudents(const course::Roster &roster, const QStringList &logins, const QString &cohort,
                    QStringList *selected, QString *error);
