//! `satz align --batch MANIFEST.tsv`: many pairs at once, a failing pair
//! reported with its manifest line while the others are saved, a malformed
//! manifest refused before any work, and results that do not depend on the
//! number of threads.

use predicates::prelude::*;

use crate::common::{Fixture, succeed};

/// Three German/English pairs, in an archive folder below the manifest.
const PAIRS: [(&str, &str); 3] = [
    (
        "Putin verliert sein Gesicht\n\nKim Jong Un schickt Russland Kanonenfutter. Wladimir Putins Gegenleistung dafür ist eine Gefahr.\n",
        "Putin loses face\n\nKim Jong Un is sending Russia cannon fodder. What Vladimir Putin gives in return poses a danger.\n",
    ),
    (
        "Allein im Jahr 2024 sollen 1500 russische Touristen Nordkorea besucht haben. Die Reiseführer sind Geheimdienstmitarbeiter.\n",
        "In 2024 alone, 1,500 Russian tourists are said to have visited North Korea. The tour guides are intelligence officers.\n",
    ),
    (
        "Der Stadtrat hat am Dienstag das Budget für das kommende Jahr genehmigt. Die Steuern bleiben unverändert.\n",
        "On Tuesday the city council approved the budget for the coming year. Taxes remain unchanged.\n",
    ),
];

/// A fixture with the three pairs under `archive/` and `archive/pairs.tsv`
/// listing them (with a comment and a blank line).
fn archive() -> Fixture {
    let fx = Fixture::new();
    let mut manifest = String::from("# the archive\n\n");
    for (i, (de, en)) in PAIRS.iter().enumerate() {
        fx.write(&format!("archive/{i}.de.txt"), de);
        fx.write(&format!("archive/{i}.en.txt"), en);
        manifest.push_str(&format!("{i}.de.txt\t{i}.en.txt\n"));
    }
    fx.write("archive/pairs.tsv", manifest);
    fx
}

#[test]
fn three_pairs_are_aligned_and_saved_in_manifest_order() {
    let fx = archive();
    let (out, err) = succeed(fx.satz().args([
        "align",
        "--batch",
        "archive/pairs.tsv",
        "--save",
        "archive",
        "--format",
        "json",
    ]));
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<u64> = records
        .iter()
        .map(|r| r["pair"].as_u64().unwrap())
        .collect();
    assert_eq!(pairs, [3, 3, 3, 4, 4, 5, 5], "manifest lines, in order");
    assert_eq!(records[0]["de_text"], "Putin verliert sein Gesicht");
    assert_eq!(records[0]["de_file"], "archive/0.de.txt");
    assert!(err.contains("memory/archive.tmx: 7 link(s) added"), "{err}");
    assert!(
        err.contains("archive/pairs.tsv: 3 pair(s) aligned, 7 links"),
        "{err}"
    );
    let saved = fx.export_tsv();
    let de: Vec<&str> = saved
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(de[0], "Putin verliert sein Gesicht");
    assert_eq!(de[6], "Die Steuern bleiben unverändert.");
    let tmx = fx.read("memory/archive.tmx");
    assert!(tmx.contains("<prop type=\"x-satz-align-documents\">2.de.txt | 2.en.txt</prop>"));
    // tsv and beads lead with the manifest line.
    let (tsv, _) =
        succeed(
            fx.satz()
                .args(["align", "--batch", "archive/pairs.tsv", "--format", "tsv"]),
        );
    let first: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "3");
    assert_eq!(
        &first[2..],
        ["Putin verliert sein Gesicht", "Putin loses face"]
    );
    let (beads, _) =
        succeed(
            fx.satz()
                .args(["align", "--batch", "archive/pairs.tsv", "--format", "beads"]),
        );
    let last = beads.lines().last().unwrap();
    assert!(last.starts_with("5\t[1]:[1]:0."), "{last}");
}

#[test]
fn a_failing_pair_is_reported_with_its_line_and_the_others_are_saved() {
    let fx = archive();
    fx.write("archive/empty.de.txt", " \n");
    fx.write("archive/swapped.txt", PAIRS[0].1);
    let manifest = fx.read("archive/pairs.tsv");
    fx.write(
        "archive/pairs.tsv",
        format!(
            "{manifest}empty.de.txt\t0.en.txt\nswapped.txt\t0.de.txt\nmissing.de.txt\t0.en.txt\n"
        ),
    );
    fx.satz()
        .args(["align", "--batch", "archive/pairs.tsv", "--save", "archive"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: archive/pairs.tsv:6: archive/empty.de.txt: no text",
        ))
        .stderr(predicate::str::contains(
            "error: archive/pairs.tsv:7: archive/swapped.txt: looks English",
        ))
        .stderr(predicate::str::contains(
            "error: archive/pairs.tsv:8: archive/missing.de.txt",
        ))
        .stderr(predicate::str::contains("3 pair(s) failed (line 6, 7, 8)"))
        .stderr(predicate::str::contains(
            "memory/archive.tmx: 7 link(s) added",
        ));
    assert_eq!(fx.export_tsv().lines().count(), 7);
}

#[test]
fn a_malformed_manifest_is_refused_before_any_work() {
    let fx = archive();
    fx.write(
        "archive/pairs.tsv",
        "0.de.txt\t0.en.txt\n1.de.txt 1.en.txt\n",
    );
    fx.satz()
        .args(["align", "--batch", "archive/pairs.tsv", "--save", "archive"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "satz: archive/pairs.tsv:2: expected german<TAB>english",
        ));
    assert!(fx.memory_files().is_empty(), "nothing saved");
    // A review page holds one pair; the batch refuses it and says why.
    fx.write("archive/pairs.tsv", "0.de.txt\t0.en.txt\n");
    fx.satz()
        .args(["align", "--batch", "archive/pairs.tsv", "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("align --batch cannot write html"));
    // DE EN and --batch exclude each other.
    fx.satz()
        .args(["align", "a.txt", "b.txt", "--batch", "archive/pairs.tsv"])
        .assert()
        .code(2);
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let fx = archive();
    // More pairs than threads, so that they finish out of order, and more
    // than are aligned at a time (64), so that the output comes in chunks.
    let mut manifest = String::new();
    for _ in 0..24 {
        manifest.push_str(&fx.read("archive/pairs.tsv"));
    }
    fx.write("archive/pairs.tsv", manifest);
    // Each run saves into a memory of its own: the second would otherwise
    // find every link already there.
    let run = |threads: &str| {
        let memory = format!("memory-{threads}");
        let (out, _) = succeed(fx.satz().env("RAYON_NUM_THREADS", threads).args([
            "align",
            "--batch",
            "archive/pairs.tsv",
            "--memory",
            &memory,
            "--save",
            "archive",
            "--format",
            "json",
        ]));
        (out, fx.read(&format!("{memory}/archive.tmx")))
    };
    let (one, one_tmx) = run("1");
    let (two, two_tmx) = run("2");
    assert_eq!(one, two);
    assert_eq!(one.lines().count(), 24 * 7, "72 pairs, 7 links per 3");
    let pairs: Vec<u64> = one
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["pair"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(pairs.windows(2).all(|w| w[0] <= w[1]), "manifest order");
    assert_eq!(one_tmx, two_tmx);
    assert_eq!(
        one_tmx.matches("<tu>").count() + one_tmx.matches("<tu ").count(),
        7
    );
}
