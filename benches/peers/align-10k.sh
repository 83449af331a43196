#!/usr/bin/env bash
# satz against hunalign on one long document pair (issue 17): the first
# 10,000 lines of tm.tsv, German and English, one sentence per line. Each
# aligner runs RUNS times (default 5), interleaved so that both see the same
# load; prints the median wall time and peak RSS of each, and the load.
#
#   bash benches/peers/align-10k.sh SATZ_BINARY HUNALIGN_BINARY
#
# HUNALIGN_BINARY is what benches/peers/build-hunalign.sh prints. hunalign
# runs without a dictionary (an empty file, as its README says to give
# when there is none), with -utf (character counts of UTF-8 text, as satz
# counts) and -text, once as is and once with -realign (it learns a lexicon
# from a first pass and aligns again, as satz does). satz runs with
# --segmented and no glossary. Needs the shared data (SATZ_SHARED_DATA).
# Not run in CI; the figures are in BENCHMARKS.md.
set -euo pipefail
SATZ=${1:?usage: align-10k.sh SATZ_BINARY HUNALIGN_BINARY}
HUNALIGN=${2:?usage: align-10k.sh SATZ_BINARY HUNALIGN_BINARY}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${SATZ_SHARED_DATA:-$REPO/../shared/data}
RUNS=${RUNS:-5}
W=${W:-/tmp/satz-align-10k}
rm -rf "$W" && mkdir -p "$W" && cd "$W"
head -n 10000 "$DATA/tm/tm.tsv" > tm10k.tsv
cut -f1 tm10k.tsv > de.txt
cut -f2 tm10k.tsv > en.txt
: > null.dic

declare -A cmd=(
  [satz]="$SATZ -q --glossary none.toml --memory none align de.txt en.txt --segmented --format beads"
  [hunalign]="$HUNALIGN -utf -text null.dic de.txt en.txt"
  [hunalign-realign]="$HUNALIGN -utf -text -realign null.dic de.txt en.txt"
)
names=(satz hunalign hunalign-realign)
for n in "${names[@]}"; do : > "$n.times"; done
for _ in $(seq "$RUNS"); do
  for n in "${names[@]}"; do
    # shellcheck disable=SC2086 # the command lines are split on purpose
    /usr/bin/time -f "%e %M" -a -o "$n.times" ${cmd[$n]} > "$n.out" 2> "$n.err"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load: $(uptime | sed 's/.*load average: //')"
for n in "${names[@]}"; do
  printf '%-17s median %6s s, peak RSS %4s MB; wall per run: %s (%s output lines)\n' "$n" \
    "$(cut -d' ' -f1 "$n.times" | median)" \
    "$(cut -d' ' -f2 "$n.times" | median | awk '{printf "%.0f", $1 / 1024}')" \
    "$(cut -d' ' -f1 "$n.times" | tr '\n' ' ')" "$(wc -l < "$n.out")"
done
