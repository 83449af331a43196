#!/usr/bin/env bash
# Issue 17's targets in one run, two satz binaries side by side with the
# peers: the look-up at min 50 against rapidfuzz, the 10,000-line alignment
# against hunalign, the glossary's cost, and (with BIG) the million-unit
# index build and check. Run it on an idle machine; every figure of the
# "one idle run" tables in BENCHMARKS.md comes from it.
#
#   bash benches/issue17-targets.sh BEFORE AFTER HUNALIGN
#
# BEFORE, AFTER: release builds of satz (e.g. of an older commit in a git
#   worktree, and of this tree). Each gets its own memories: binaries of
#   different index formats sharing one would rebuild the index every run.
# HUNALIGN: what benches/peers/build-hunalign.sh prints.
# BIG=FILE.tsv: also the million-unit figures, on the memory imported from
#   FILE.tsv (made by `cargo run --release --example gen_memory --
#   ../shared/data/tm/tm.tsv 1250000 > FILE.tsv`); the shipped glossary.
# W: the work folder (default /tmp/satz-issue17). Needs perf, /usr/bin/time,
# python3 with rapidfuzz (pip install rapidfuzz) and the shared data
# (SATZ_SHARED_DATA). Not run in CI.
set -euo pipefail
BEFORE=$(realpath "${1:?usage: issue17-targets.sh BEFORE AFTER HUNALIGN}")
AFTER=$(realpath "${2:?usage: issue17-targets.sh BEFORE AFTER HUNALIGN}")
HUNALIGN=$(realpath "${3:?usage: issue17-targets.sh BEFORE AFTER HUNALIGN}")
REPO=$(cd "$(dirname "$0")/.." && pwd)
DATA=${SATZ_SHARED_DATA:-$REPO/../shared/data}
W=${W:-/tmp/satz-issue17}
mkdir -p "$W" && cd "$W"
(tail -n +2 "$DATA/tm/queries_perturbed.tsv"; tail -n +2 "$DATA/tm/queries_unseen.tsv") | cut -f2 > q1000.txt
head -n 1 q1000.txt > q1.txt
cp "$REPO/glossary.toml" glossary.toml
say() { echo "== $* ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"; }
tag() { if [ "$1" = "$BEFORE" ]; then echo before; else echo after; fi; }

say "memories: tm.tsv imported, index built, per binary"
for b in "$BEFORE" "$AFTER"; do
  m="mem-$(tag "$b")"
  if [ ! -f "$m/tm.tmx" ]; then
    "$b" -q --memory "$m" --glossary none.toml import "$DATA/tm/tm.tsv" --name tm
  fi
  "$b" -q --memory "$m" --glossary none.toml suggest --segmented q1.txt > /dev/null
done

look() { # binary queries -> wall and task-clock of perf stat -r N
  perf stat -r "$3" -x, -e task-clock,duration_time -o t.txt "$1" -q --memory "mem-$(tag "$1")" \
    --glossary none.toml suggest --segmented "$2" --min 50 --top 1 --format json > "out-$(tag "$1").json"
  awk -F, '/task-clock/ {c = $1} /duration_time/ {w = $1 / 1e6} END {printf "wall %.2f ms, CPU %.2f ms\n", w, c}' t.txt
}
say "rapidfuzz, first"
python3 "$REPO/benches/peers/rapidfuzz_scan.py" "$DATA/tm/tm.tsv" q1000.txt
say "suggest --segmented q1000.txt --min 50 --top 1 --format json, perf stat -r 20, three rounds"
for _ in 1 2 3; do
  for b in "$BEFORE" "$AFTER"; do echo "$(tag "$b"): $(look "$b" q1000.txt 20)"; done
done
cmp -s out-before.json out-after.json && echo "output: identical" || echo "output: DIFFERS"
say "the same with one query, perf stat -r 40, twice"
for _ in 1 2; do
  for b in "$BEFORE" "$AFTER"; do echo "$(tag "$b"): $(look "$b" q1.txt 40)"; done
done
say "rapidfuzz, second"
python3 "$REPO/benches/peers/rapidfuzz_scan.py" "$DATA/tm/tm.tsv" q1000.txt

say "align the 10,000-line pair"
head -n 10000 "$DATA/tm/tm.tsv" > tm10k.tsv
cut -f1 tm10k.tsv > de10k.txt
cut -f2 tm10k.tsv > en10k.txt
for _ in 1 2; do
  for b in "$BEFORE" "$AFTER"; do
    perf stat -r 5 -x, -e duration_time -o t.txt "$b" -q --glossary none.toml --memory none \
      align de10k.txt en10k.txt --segmented --format beads > "beads-$(tag "$b").txt"
    /usr/bin/time -f "%M" -o rss.txt "$b" -q --glossary none.toml --memory none \
      align de10k.txt en10k.txt --segmented --format beads > /dev/null
    echo "$(tag "$b"): $(awk -F, '/duration_time/ {printf "wall %.3f s (mean of 5)", $1 / 1e9}' t.txt), peak $(awk '{printf "%.1f MB", $1 / 1024}' rss.txt)"
  done
done
cmp -s beads-before.txt beads-after.txt && echo "beads: identical" || echo "beads: DIFFER"
W="$W/align-10k" RUNS=3 bash "$REPO/benches/peers/align-10k.sh" "$AFTER" "$HUNALIGN"

say "the glossary's cost in suggest"
W="$W/glossary" RUNS=11 bash "$REPO/benches/glossary-overhead.sh" "$BEFORE" "$AFTER"

if [ -n "${BIG:-}" ]; then
  say "a million units: import"
  for b in "$BEFORE" "$AFTER"; do
    d="big-$(tag "$b")"
    if [ ! -f "$d/memory/big.tmx" ]; then
      mkdir -p "$d"
      (cd "$d" && "$b" -q init > /dev/null 2>&1 && cp ../glossary.toml . && "$b" -q import "$BIG" --name big)
    fi
  done
  say "a million units: index build, 3 runs each"
  for _ in 1 2 3; do
    for b in "$BEFORE" "$AFTER"; do
      (cd "big-$(tag "$b")" && rm -rf memory/.satz-index &&
        /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB" -o ../t.txt "$b" -q suggest --segmented ../q1.txt > /dev/null)
      echo "$(tag "$b"): $(cat t.txt), index $(stat -c %s big-"$(tag "$b")"/memory/.satz-index/*.idx) bytes"
    done
  done
  say "a million units: check --format json, once each"
  for b in "$BEFORE" "$AFTER"; do
    (cd "big-$(tag "$b")" && /usr/bin/time -f "%e s wall, %U s user, %M KB" -o ../t.txt "$b" -q check --format json > ../check-"$(tag "$b")".json || true)
    echo "$(tag "$b"): $(cat t.txt)"
  done
  cmp -s check-before.json check-after.json && echo "check output: identical" || echo "check output: DIFFERS"
fi
say "done"
