#pragma once

#include "cli_jobs.h"

// `courseops-cli sync-template --from SHA [--to REF]`: the template's change
// from..to as a pull request in every roster student's repository, merged
// three-way with their work; the students whose work conflicts get none and
// are listed at the end. Journaled and resumable like seed. Returns a JobExit.
int runSyncTemplateCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);
