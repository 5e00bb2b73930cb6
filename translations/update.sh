#!/usr/bin/env bash
# Re-extracts every tr() string of the console into the .ts files (obsolete
# entries dropped). Translate what lupdate marks unfinished with Qt Linguist,
# then rebuild: the .qm files are compiled into the courseops binary.
# Usage: translations/update.sh [LANG...]   (default: every translations/courseops_*.ts)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lupdate="$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)"
cd "$root"
if (($#)); then
  ts=()
  for lang in "$@"; do ts+=("translations/courseops_${lang}.ts"); done
else
  ts=(translations/courseops_*.ts)
fi
"$lupdate" -no-obsolete -locations relative -extensions cpp,h ui app core/course -ts "${ts[@]}"
