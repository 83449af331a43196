#!/usr/bin/env python3
"""The peer of `satz suggest --segmented QUERIES --min 50 --top 1`: a brute-force
rapidfuzz scan. For each query, the best Levenshtein normalized similarity
between its word-token list and every German side of the memory
(`process.extractOne`, score_cutoff 0.5, i.e. 50%, one thread).

rapidfuzz's fastest path for this task: every memory sentence is tokenised
once up front (not by a processor on every call) and its words are mapped to
integer ids, so each comparison runs on int sequences; the query gets the
same ids (a word the memory lacks gets an id no memory word has).

Usage (the shared data; not run in CI):

    python3 benches/peers/rapidfuzz_scan.py ../shared/data/tm/tm.tsv q1000.txt

where q1000.txt holds one query per line. Prints the matches found, the scan
time and queries per second on stderr; `--json` writes the best unit and
score per query on stdout.
"""

import re
import sys
import time

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

WORD = re.compile(r"\w+")


def words(text):
    """Case-folded word tokens (punctuation dropped), as satz's match keys."""
    return WORD.findall(text.casefold())


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    tm_path, queries_path = argv[1], argv[2]
    with open(tm_path, encoding="utf-8") as f:
        german = [line.split("\t", 1)[0] for line in f if "\t" in line]
    with open(queries_path, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f]

    ids = {}

    def encode(text, grow):
        out = []
        for w in words(text):
            i = ids.get(w)
            if i is None:
                i = len(ids)
                if grow:
                    ids[w] = i
            out.append(i)
        return out

    choices = [encode(s, True) for s in german]
    start = time.perf_counter()
    found = []
    for q in queries:
        best = process.extractOne(
            encode(q, False),
            choices,
            scorer=Levenshtein.normalized_similarity,
            processor=None,
            score_cutoff=0.5,
        )
        found.append(best)
    took = time.perf_counter() - start
    if "--json" in argv:
        for b in found:
            print("null" if b is None else f"[{b[2]}, {b[1] * 100:.2f}]")
    matched = sum(b is not None for b in found)
    print(
        f"rapidfuzz: {len(queries)} queries x {len(choices)} units, "
        f"{matched} matched >= 50%, {took:.2f} s, {len(queries) / took:.1f} queries/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(sys.argv)
