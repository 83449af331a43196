#!/usr/bin/env bash
# Memory in git (BENCHMARKS.md): a million units in a repository, 50 added in
# each of two clones; the diff sizes, the merge through satz merge-driver tmx,
# and the times. Needs a release build (cargo build --release) and the shared
# data. Usage: bash benches/memory-in-git.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
DATA=${SATZ_SHARED_DATA:-$REPO/../shared/data}
SATZ=${SATZ:-$REPO/target/release/satz}
W=${W:-/tmp/satz-team-bench}
rm -rf "$W" && mkdir -p "$W" && cd "$W"
G="git -c user.name=b -c user.email=b@example.org"
[ -f /tmp/tm-1m.tsv ] || cargo run -q --release --manifest-path $REPO/Cargo.toml --example gen_memory -- $DATA/tm/tm.tsv 1250000 > /tmp/tm-1m.tsv
# 100 pairs no one has: the unseen queries with their references.
awk -F'\t' 'NR>1 && $5!="" && n<100 {print $2"\t"$5; n++}' $DATA/tm/queries_unseen.tsv > q.tsv
head -50 q.tsv > alice.tsv; tail -50 q.tsv > bob.tsv
git init -q -b main --bare origin.git
$G clone -q origin.git seed 2>/dev/null; cd seed
$SATZ init > /dev/null
/usr/bin/time -f "import 1.25M lines: %e s, %M KB" $SATZ -q import /tmp/tm-1m.tsv --name big
ls -l memory/big.tmx | awk '{print "big.tmx bytes:", $5}'
grep -c '<tu ' memory/big.tmx | sed 's/^/units: /'
$G add -A && /usr/bin/time -f "git commit of the million: %e s" $G commit -qm big && $G push -q origin main
cd .. && $G clone -q origin.git alice && $G clone -q origin.git bob
for who in alice bob; do
  (cd $who && $SATZ init > /dev/null
   /usr/bin/time -f "$who: import 50 into the million: %e s, %M KB" $SATZ -q import ../$who.tsv --name big
   echo "$who: git diff --stat: $($G diff --stat | tail -1)"
   /usr/bin/time -f "$who: git commit: %e s" $G commit -qam "$who: 50 units")
done
(cd alice && $G push -q origin main)
cd bob
/usr/bin/time -f "bob: git pull (merge with satz merge-driver tmx at 1M): %e s, %M KB" $G pull -q --no-rebase --no-edit origin main
echo "merge commit vs bob: $($G diff --stat HEAD^1 HEAD | tail -1)"
echo "merge commit vs alice: $($G diff --stat HEAD^2 HEAD | tail -1)"
$G show HEAD^1~1:memory/big.tmx > ../o.tmx; $G show HEAD^1:memory/big.tmx > ../a.tmx; $G show HEAD^2:memory/big.tmx > ../b.tmx
/usr/bin/time -f "merge-driver alone: %e s, %M KB" $SATZ merge-driver tmx ../o.tmx ../a.tmx ../b.tmx memory/big.tmx
cmp ../a.tmx memory/big.tmx && echo "driver output = merged file"
$G status --porcelain | wc -l | sed 's/^/status lines: /'
