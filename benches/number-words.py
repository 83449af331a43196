#!/usr/bin/env python3
"""Spelled-out number changes on real news text (issue 15).

Every line of the German side of tm.tsv with a lower-case German number
word from zwei to zwölf (not the sentence's first word) becomes a query with
that word changed to the next number (zwei -> drei, ..., zwölf -> zwei);
`satz suggest` looks each query up in the memory made of tm.tsv, and the
script counts how often the best match is the line the query came from, its
score and penalty, and whether satz adapted the translation.

    export SATZ_SHARED_DATA=../shared/data
    python3 benches/number-words.py target/release/satz [OTHER_SATZ ...]

Prints one row per binary. With `--sample N SEED PATH` (before the
binaries) it also writes, for the last binary, a seeded random sample of N
adapted suggestions to PATH (outside the repository: it holds sentences),
for judging: tm.tsv line, the changed word, query, memory translation,
adapted translation with its spans marked ⟦…⟧.
"""
import json, os, random, re, subprocess, sys, tempfile

WORDS = "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split()
NEXT = {w: WORDS[(i + 1) % len(WORDS)] for i, w in enumerate(WORDS)}

def queries(tm):
    out = []
    for n, line in enumerate(open(tm, encoding="utf-8"), 1):
        de = line.split("\t")[0]
        words = list(re.finditer(r"\w+", de))
        for m in words[1:]:
            if m.group(0) in NEXT:
                q = de[: m.start()] + NEXT[m.group(0)] + de[m.end():]
                out.append((n, q, m.group(0) + " -> " + NEXT[m.group(0)]))
                break
    return out

def run(satz, tm, qs, tmp):
    mem = os.path.join(tmp, "memory-" + str(abs(hash(satz))))
    subprocess.run([satz, "--memory", mem, "import", tm, "--name", "tm"], check=True, capture_output=True)
    qfile = os.path.join(tmp, "queries.txt")
    with open(qfile, "w", encoding="utf-8") as f:
        f.writelines(q + "\n" for _, q, _ in qs)
    res = subprocess.run(
        [satz, "--memory", mem, "--glossary", os.path.join(tmp, "none.toml"), "suggest",
         "--segmented", "--format", "json", "--top", "1", qfile],
        check=True, capture_output=True, text=True).stdout.splitlines()
    samples = []
    found = penalised = adapted = below100 = total = 0
    for (n, q, change), line in zip(qs, res):
        r = json.loads(line)
        if not r["matches"]:
            continue
        m = r["matches"][0]
        found += 1
        below100 += m["score"] < 100
        total += m["score"]
        penalised += any("number" in p for p in m.get("penalties", []))
        if m.get("adapted") is not None and m.get("adapted") != m["target"]:
            adapted += 1
            text, marked, last = m["adapted"].encode(), b"", 0
            for a, b in m.get("adapted_spans", []):
                marked += text[last:a] + "⟦".encode() + text[a:b] + "⟧".encode()
                last = b
            marked += text[last:]
            samples.append((n, change, q, m["target"], marked.decode()))
    return samples, len(res), found, f"{total / max(found, 1):.1f}", below100, penalised, adapted

def main():
    tm = os.path.join(os.environ["SATZ_SHARED_DATA"], "tm", "tm.tsv")
    qs = queries(tm)
    args = sys.argv[1:]
    sample = None
    if args[:1] == ["--sample"]:
        sample, args = (int(args[1]), int(args[2]), args[3]), args[4:]
    print("binary\tqueries\twith a match\tmean score\tscore < 100\tnumber penalty\tadapted")
    with tempfile.TemporaryDirectory() as tmp:
        for satz in args:
            samples, *row = run(satz, tm, qs, tmp)
            print(satz, *row, sep="\t")
    if sample:
        n, seed, path = sample
        with open(path, "w", encoding="utf-8") as f:
            f.write("line\tchange\tquery\tmemory translation\tadapted\n")
            for row in sorted(random.Random(seed).sample(samples, min(n, len(samples)))):
                f.write("\t".join(map(str, row)) + "\n")

main()
