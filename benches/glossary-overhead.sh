#!/usr/bin/env bash
# The glossary's cost in `suggest` (issue 17: with the shipped glossary at
# most 20% slower than without). 2,000 queries (the 1,000 shared queries of
# tm/queries_*.tsv, twice) against the memory made from tm/tm.tsv, `--top 1
# --format json`, with `--glossary glossary.toml` and without a glossary,
# interleaved RUNS times (default 15) after one warm-up run that builds the
# index. Prints the median wall time and CPU time (user + system; perf
# stat's task-clock when perf is installed, else /usr/bin/time) of each and
# their ratio. Usage: bash benches/glossary-overhead.sh [SATZ_BINARY...]
# (several binaries are measured in turn, interleaved: before and after).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
DATA=${SATZ_SHARED_DATA:-$REPO/../shared/data}
RUNS=${RUNS:-15}
W=${W:-/tmp/satz-glossary-overhead}
[ $# -gt 0 ] || set -- "$REPO/target/release/satz"
mkdir -p "$W" && cd "$W"
(tail -n +2 "$DATA/tm/queries_perturbed.tsv"; tail -n +2 "$DATA/tm/queries_unseen.tsv") | cut -f2 > q1000.txt
cat q1000.txt q1000.txt > q2000.txt
cp "$REPO/glossary.toml" glossary.toml
# A memory per binary: binaries of different index formats sharing one
# would rebuild the index on every switch.
mem() { echo "mem-$(basename "$1")"; }
for b in "$@"; do
  if [ ! -f "$(mem "$b")/tm.tmx" ]; then
    "$b" -q --memory "$(mem "$b")" --glossary none.toml import "$DATA/tm/tm.tsv" --name tm
  fi
done
run() { # binary glossary -> "wall cpu" in seconds
  if command -v perf > /dev/null; then
    # perf stat: wall and CPU (task-clock) to the microsecond, where
    # /usr/bin/time counts 10 ms ticks (5-10% of a run here).
    perf stat -x, -e task-clock,duration_time -o t.txt "$1" -q --memory "$(mem "$1")" --glossary "$2" \
      suggest --segmented q2000.txt --top 1 --format json > out.json
    awk -F, '/task-clock/ {c = $1 / 1e3} /duration_time/ {w = $1 / 1e9} END {printf "%.4f %.4f\n", w, c}' t.txt
  else
    /usr/bin/time -f "%e %U %S" -o t.txt "$1" -q --memory "$(mem "$1")" --glossary "$2" \
      suggest --segmented q2000.txt --top 1 --format json > out.json
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' t.txt
  fi
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "start: $(date -u +%H:%M:%S), load: $(uptime | sed 's/.*load average: //')"
for b in "$@"; do run "$b" none.toml > /dev/null; : > "$W/$(basename "$b").without"; : > "$W/$(basename "$b").with"; done
for _ in $(seq "$RUNS"); do
  for b in "$@"; do
    run "$b" none.toml >> "$(basename "$b").without"
    run "$b" glossary.toml >> "$(basename "$b").with"
  done
done
echo "end: $(date -u +%H:%M:%S), load: $(uptime | sed 's/.*load average: //')"
for b in "$@"; do
  n=$(basename "$b")
  wo_w=$(cut -d' ' -f1 "$n.without" | median); wi_w=$(cut -d' ' -f1 "$n.with" | median)
  wo_c=$(cut -d' ' -f2 "$n.without" | median); wi_c=$(cut -d' ' -f2 "$n.with" | median)
  echo "$n: without glossary wall $wo_w s, CPU $wo_c s; with glossary wall $wi_w s, CPU $wi_c s;" \
    "with/without: wall $(echo "scale=3; $wi_w / $wo_w" | bc), CPU $(echo "scale=3; $wi_c / $wo_c" | bc)"
done
