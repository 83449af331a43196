#!/usr/bin/env python3
"""Regenerates de-freq.txt, the reference frequency list of general German
that `satz terms --extract` embeds (see de-freq.LICENSE.md beside it).

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python make-de-freq.py > de-freq.txt

Output: a header of `#` comment lines, then one line per Zipf value, highest
first: the value (two decimals), a tab, and the words with that value
separated by single spaces, in wordfreq's order. Words are wordfreq's German
words ("best" list, lower case as wordfreq gives them) made of letters only,
with a Zipf frequency of at least MIN_ZIPF. The output is deterministic for
one wordfreq version.
"""

import sys

import regex
import wordfreq

MIN_ZIPF = 2.5


def main() -> None:
    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as pkg_version

        version = pkg_version("wordfreq")
    groups: dict[float, list[str]] = {}
    order: list[float] = []
    for word in wordfreq.iter_wordlist("de", "best"):
        if not regex.fullmatch(r"\p{L}+", word):
            continue
        z = wordfreq.zipf_frequency(word, "de", "best")
        if z < MIN_ZIPF:
            break
        if z not in groups:
            groups[z] = []
            order.append(z)
        groups[z].append(word)
    out = sys.stdout
    out.write(f"# General German word frequencies: wordfreq {version}, language de, list 'best',\n")
    out.write(f"# words of letters only with Zipf >= {MIN_ZIPF}; one line per Zipf value: value<TAB>words.\n")
    out.write("# Licence CC BY-SA 4.0 (this file only): see de-freq.LICENSE.md.\n")
    for z in sorted(order, reverse=True):
        out.write(f"{z:.2f}\t{' '.join(groups[z])}\n")


if __name__ == "__main__":
    main()
