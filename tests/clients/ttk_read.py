"""Reads a file with translate-toolkit's own storage classes and prints what
it sees: UNITS <count>, then UNIT <TAB> source <TAB> target per unit.

Usage: python3 ttk_read.py tbx|tmx|xliff FILE
"""

import sys

from translate.storage import tbx, tmx, xliff

KINDS = {"tbx": tbx.tbxfile, "tmx": tmx.tmxfile, "xliff": xliff.xlifffile}


def flat(text):
    return "" if text is None else str(text).replace("\n", "\\n")


def main():
    kind, path = sys.argv[1], sys.argv[2]
    store = KINDS[kind].parsefile(path)
    units = [u for u in store.units if not u.isheader()]
    print("UNITS", len(units), sep="\t")
    for unit in units:
        print("UNIT", flat(unit.source), flat(unit.target), sep="\t")


if __name__ == "__main__":
    main()
