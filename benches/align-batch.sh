#!/usr/bin/env bash
# Batch alignment (BENCHMARKS.md, "Batch alignment and the peers"): an
# archive of 40 document pairs of 250 sentences each (the first 10,000 lines
# of tm.tsv cut in 40), saved into memory by one `satz align --batch` and by
# 40 `satz align` calls one after the other, RUNS times each, back to back.
# Prints the median wall time and peak RSS of each way, and checks that both
# saved the same memory. Needs a release build and the shared data.
# Usage: bash benches/align-batch.sh [SATZ_BINARY]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
DATA=${SATZ_SHARED_DATA:-$REPO/../shared/data}
SATZ=${1:-$REPO/target/release/satz}
RUNS=${RUNS:-5}
W=${W:-/tmp/satz-align-batch-bench}
rm -rf "$W" && mkdir -p "$W/docs" && cd "$W"
head -n 10000 "$DATA/tm/tm.tsv" > tm10k.tsv
cut -f1 tm10k.tsv | split -l 250 -d -a 2 --additional-suffix=.de.txt - docs/doc
cut -f2 tm10k.tsv | split -l 250 -d -a 2 --additional-suffix=.en.txt - docs/doc
for i in $(seq -w 0 39); do printf 'docs/doc%s.de.txt\tdocs/doc%s.en.txt\n' "$i" "$i"; done > pairs.tsv

# One run of each way: "wall-seconds KB cpu-seconds" (KB: the largest
# process; cpu: user + system, summed over the calls).
batch() {
  rm -rf mem-b
  /usr/bin/time -f "%e %M %U %S" -o t.txt "$SATZ" -q --memory mem-b --glossary none.toml \
    align --batch pairs.tsv --segmented --save archive --format json > /dev/null
  awk '{print $1, $2, $3 + $4}' t.txt
}
sequential() {
  rm -rf mem-s
  local start end peak=0 cpu=0 kb
  start=$(date +%s.%N)
  while IFS=$'\t' read -r de en; do
    /usr/bin/time -f "%M %U %S" -o t.txt "$SATZ" -q --memory mem-s --glossary none.toml \
      align "$de" "$en" --segmented --save archive --format json > /dev/null
    read -r kb u s < t.txt
    [ "$kb" -gt "$peak" ] && peak=$kb
    cpu=$(echo "$cpu + $u + $s" | bc)
  done < pairs.tsv
  end=$(date +%s.%N)
  printf '%.2f %s %s\n' "$(echo "$end - $start" | bc)" "$peak" "$cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > batch.txt; : > seq.txt
for _ in $(seq "$RUNS"); do
  batch >> batch.txt
  sequential >> seq.txt
done
cmp mem-b/archive.tmx mem-s/archive.tmx && echo "same memory saved both ways ($(grep -c '<tu ' mem-b/archive.tmx) units)"
echo "load: $(uptime | sed 's/.*load average: //')"
for way in batch seq; do
  echo "$way: median wall $(cut -d' ' -f1 $way.txt | median) s, peak RSS $(cut -d' ' -f2 $way.txt | median) KB, CPU $(cut -d' ' -f3 $way.txt | median) s; wall per run: $(cut -d' ' -f1 $way.txt | tr '\n' ' ')"
done
