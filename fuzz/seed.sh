#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs from the project's own
# fixtures and examples (and from the shared real-world data when
# SATZ_SHARED_DATA names it). libFuzzer adds what it finds to the same
# folders; they are ignored by git. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared="${SATZ_SHARED_DATA:-}"
seed() { # target file...
    local t=$1
    shift
    mkdir -p "corpus/$t"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "corpus/$t/seed-$(echo "$f" | tr "/" "_")"
    done
    return 0
}
# A text cut into pieces of at most N lines (libFuzzer likes small inputs).
pieces() { # target file lines
    local t=$1 f=$2 n=$3
    mkdir -p "corpus/$t"
    [ -f "$f" ] && split -l "$n" "$f" "corpus/$t/seed-$(basename "$f")-"
    return 0
}

seed tmx_reader "$root"/tests/fixtures/*.tmx "$root"/memory/*.tmx
seed glossary_toml "$root"/glossary.toml "$root"/tests/fixtures/check/*.toml
seed tsv_import "$root"/tests/fixtures/*.tsv "$root"/tests/fixtures/*.csv
pieces tsv_import "$root"/tests/fixtures/kim-putin.hand.tsv 12
for t in segmenter fuzzy; do
    pieces "$t" "$root"/examples/kim-putin.de.txt 6
    pieces "$t" "$root"/examples/kim-putin.en.txt 6
done
pieces aligner "$root"/examples/kim-putin.de.txt 10
# XLIFF as satz writes it: the example pre-translated with the shipped memory.
mkdir -p corpus/xliff_reader
for v in 1.2 2.0; do
    (cd "$root" && cargo run --quiet --release -- pretranslate --xliff "$v" \
        examples/kim-putin-followup.de.txt) > "corpus/xliff_reader/seed-pretranslate-$v.xlf" 2>/dev/null || true
done
if [ -n "$shared" ] && [ -d "$shared" ]; then
    seed tmx_reader "$shared"/interop/tmx/*.tmx
    seed xliff_reader "$shared"/interop/xliff/*
    seed tsv_import "$shared"/interop/glossary/*
    for f in "$shared"/segment/dev/*; do pieces segmenter "$f" 20; done
    head -n 400 "$shared/tm/tm.tsv" | cut -f1 > /tmp/satz-fuzz-tm.txt
    pieces fuzzy /tmp/satz-fuzz-tm.txt 40
    rm -f /tmp/satz-fuzz-tm.txt
fi
for t in tmx_reader glossary_toml tsv_import segmenter aligner fuzzy xliff_reader; do
    echo "corpus/$t: $(find "corpus/$t" -type f | wc -l) files"
done
