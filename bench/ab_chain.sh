#!/usr/bin/env bash
# A/B timing of the whole chain: `presslens run` on one corpus, alternately with the code of an
# earlier commit (a git worktree, its lib on PYTHONPATH and its notebooks) and with this checkout,
# each run with a fresh cache (so stage 90's validation runs every time), N times each. Prints the
# wall time, peak memory and per-notebook seconds of every run. Read medians and ratios: these
# machines are noisy.
#
#   bash bench/ab_chain.sh 87812f2 /path/to/real1000.csv 3
#   (real1000.csv: python bench/topic_corpora.py --out corpora/)
set -euo pipefail
REV=${1:?earlier commit}; CORPUS=${2:?corpus file or folder}; N=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=$ROOT/.venv/bin/python
WORK=$(mktemp -d)
git -C "$ROOT" worktree add -f -q "$WORK/base" "$REV"
trap 'git -C "$ROOT" worktree remove --force "$WORK/base"; rm -rf "$WORK"' EXIT
for i in $(seq "$N"); do
  for v in base now; do
    export PRESSLENS_CACHE=$WORK/cache-$v-$i
    if [ $v = base ]; then export PYTHONPATH=$WORK/base/lib; NB=$WORK/base/notebooks
    else unset PYTHONPATH; NB=$ROOT/notebooks; fi
    /usr/bin/time -f "%e s %M KB" -o "$WORK/$v-$i.time" "$ROOT/.venv/bin/presslens" run \
      --corpus "$CORPUS" --out "$WORK/run-$v-$i" --notebooks "$NB" > "$WORK/$v-$i.log" 2>&1
    unset PYTHONPATH
    "$PY" -c "
import json, sys
m = json.load(open(sys.argv[1]))
t = {k[:2]: round(x, 1) for k, x in m['timings_seconds'].items()}
print(sys.argv[2], sys.argv[3], open(sys.argv[4]).read().strip(), t)" \
      "$WORK/run-$v-$i/manifest.json" "$v" "$i" "$WORK/$v-$i.time"
  done
done
