//! `satz align`: the beads contract, every format, --save, --fix, odd inputs,
//! the shipped example against its hand alignment, and the shared gold data.

use predicates::prelude::*;

use crate::common::{Fixture, shared_data};

const DE: &str = "Putin verliert sein Gesicht\n\nKim Jong Un schickt Russland Kanonenfutter. Wladimir Putins Gegenleistung dafür ist eine Gefahr.\n\nAllein im Jahr 2024 sollen 1500 russische Touristen Nordkorea besucht haben. Die Reiseführer sind Geheimdienstmitarbeiter.\n";
const EN: &str = "Putin loses face\n\nKim Jong Un is sending Russia cannon fodder. What Vladimir Putin gives in return poses a danger.\n\nIn 2024 alone, 1,500 Russian tourists are said to have visited North Korea. The tour guides are intelligence officers.\n";

fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write("de.txt", DE);
    fx.write("en.txt", EN);
    fx
}

/// Parses `[i,j]:[k]:score` lines.
fn beads(out: &str) -> Vec<(Vec<usize>, Vec<usize>, f64)> {
    out.lines()
        .map(|l| {
            let parts: Vec<&str> = l.split(':').collect();
            assert_eq!(parts.len(), 3, "{l}");
            let list = |s: &str| -> Vec<usize> {
                let inner = s.trim_start_matches('[').trim_end_matches(']');
                if inner.is_empty() {
                    vec![]
                } else {
                    inner.split(',').map(|x| x.parse().unwrap()).collect()
                }
            };
            (list(parts[0]), list(parts[1]), parts[2].parse().unwrap())
        })
        .collect()
}

/// Every sentence of both sides in exactly one link, in order.
fn assert_contract(b: &[(Vec<usize>, Vec<usize>, f64)], n: usize, m: usize) {
    let de: Vec<usize> = b.iter().flat_map(|x| x.0.clone()).collect();
    let en: Vec<usize> = b.iter().flat_map(|x| x.1.clone()).collect();
    assert_eq!(de, (0..n).collect::<Vec<_>>());
    assert_eq!(en, (0..m).collect::<Vec<_>>());
    assert!(
        b.iter()
            .all(|x| (0.0..=1.0).contains(&x.2) && !(x.0.is_empty() && x.1.is_empty()))
    );
}

fn run(fx: &Fixture, args: &[&str]) -> String {
    let out = fx.satz().arg("align").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn beads_link_every_sentence_once_in_order() {
    let fx = fixture();
    let b = beads(&run(&fx, &["de.txt", "en.txt", "--format", "beads"]));
    assert_contract(&b, 5, 5);
    let pairs: Vec<(Vec<usize>, Vec<usize>)> = b.into_iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(
        pairs,
        (0..5).map(|i| (vec![i], vec![i])).collect::<Vec<_>>()
    );
}

#[test]
fn tsv_json_tmx_and_html_formats() {
    let fx = fixture();
    let tsv = run(&fx, &["de.txt", "en.txt", "--format", "tsv"]);
    let first: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        &first[1..],
        ["Putin verliert sein Gesicht", "Putin loses face"]
    );
    let json = run(&fx, &["de.txt", "en.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(json.lines().nth(1).unwrap()).unwrap();
    assert_eq!(v["de"], serde_json::json!([1]));
    assert_eq!(v["en"], serde_json::json!([1]));
    assert_eq!(v["de_text"], "Kim Jong Un schickt Russland Kanonenfutter.");
    assert!(v["score"].as_f64().unwrap() > 0.5);
    let tmx = run(&fx, &["de.txt", "en.txt", "--format", "tmx"]);
    let (_, units) = satz::tm::tmx::read_all(&tmx, std::path::Path::new("out.tmx")).unwrap();
    assert_eq!(units.len(), 5);
    let html = run(&fx, &["de.txt", "en.txt", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<tr class=").count(), 5);
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "no external assets"
    );
}

#[test]
fn save_adds_links_with_context_and_reports_what_it_kept_out() {
    let fx = fixture();
    fx.satz()
        .args([
            "align", "de.txt", "en.txt", "--save", "kim", "--format", "beads",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "memory/kim.tmx: 5 link(s) added, 0 already there, 0 kept out",
        ));
    let tmx = fx.read("memory/kim.tmx");
    assert!(tmx.contains(r#"<prop type="x-context-prev">Putin verliert sein Gesicht</prop>"#));
    assert!(tmx.contains(r#"<prop type="x-satz-align-documents">de.txt | en.txt</prop>"#));
    assert!(tmx.contains(r#"<prop type="x-satz-align-score">"#));
    // Saved links give 101% context matches.
    fx.satz()
        .args(["suggest", "de.txt", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"score\":101"));
    // Nothing below an impossible threshold.
    fx.satz()
        .args([
            "align",
            "de.txt",
            "en.txt",
            "--save",
            "none",
            "--min-score",
            "1.01",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 link(s) added, 0 already there, 5 kept out",
        ));
}

#[test]
fn fix_keeps_edited_links_and_realigns_the_rest() {
    let fx = fixture();
    let tsv = run(&fx, &["de.txt", "en.txt", "--format", "tsv"]);
    let lines: Vec<&str> = tsv.lines().collect();
    // The translator merges links 2 and 3 into one and deletes the last line.
    let merged = {
        let a: Vec<&str> = lines[1].split('\t').collect();
        let b: Vec<&str> = lines[2].split('\t').collect();
        format!("ok\t{} {}\t{} {}", a[1], b[1], a[2], b[2])
    };
    fx.write(
        "fixed.tsv",
        format!("{}\n{merged}\n{}\n", lines[0], lines[3]),
    );
    let b = beads(&run(
        &fx,
        &[
            "de.txt",
            "en.txt",
            "--fix",
            "fixed.tsv",
            "--format",
            "beads",
        ],
    ));
    assert_contract(&b, 5, 5);
    assert_eq!(
        (b[1].0.clone(), b[1].1.clone(), b[1].2),
        (vec![1, 2], vec![1, 2], 1.0)
    );
    assert_eq!(
        (b[3].0.clone(), b[3].1.clone()),
        (vec![4], vec![4]),
        "re-aligned"
    );
    fx.write("bad.tsv", "1\tKein solcher Satz.\tNo such sentence.\n");
    fx.satz()
        .args(["align", "de.txt", "en.txt", "--fix", "bad.tsv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "satz: bad.tsv:1: the German text is not a run",
        ));
}

#[test]
fn empty_unrelated_and_one_sided_inputs_align_without_panic() {
    let fx = fixture();
    fx.write("empty.txt", " \n\n");
    for args in [["empty.txt", "empty.txt"], ["empty.txt", "en.txt"]] {
        fx.satz()
            .arg("align")
            .args(args)
            .assert()
            .code(2)
            .stderr("satz: empty.txt: no text: the input is empty or holds only whitespace\n");
    }
    fx.write(
        "other.txt",
        "Lorem ipsum dolor sit amet. Consectetur adipiscing elit!\n\nSed do eiusmod? Tempor.\n",
    );
    let b = beads(&run(&fx, &["de.txt", "other.txt", "--format", "beads"]));
    assert_contract(&b, 5, 4);
    fx.write("bin.txt", b"\x00\xff\xfe garbage");
    fx.satz()
        .args(["align", "de.txt", "bin.txt"])
        .assert()
        .code(2);
}

/// The shipped example, from raw text, gives the translator's hand alignment
/// (tests/fixtures/kim-putin.hand.tsv), including its 1-2 and 2-1 links.
#[test]
fn the_example_aligns_as_the_translator_did() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let fx = Fixture::new();
    let out = fx
        .satz()
        .arg("align")
        .arg(root.join("examples/kim-putin.de.txt"))
        .arg(root.join("examples/kim-putin.en.txt"))
        .args(["--format", "tsv", "--glossary"])
        .arg(root.join("glossary.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let auto: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_once('\t').unwrap().1.to_owned())
        .collect();
    // The translator's hand alignment (also what memory/kim-putin.tmx was made from).
    let hand: Vec<String> = std::fs::read_to_string(root.join("tests/fixtures/kim-putin.hand.tsv"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let only_auto: Vec<&String> = auto.iter().filter(|l| !hand.contains(l)).collect();
    let only_hand: Vec<&String> = hand.iter().filter(|l| !auto.contains(l)).collect();
    assert!(
        only_auto.is_empty() && only_hand.is_empty(),
        "links differ from the hand alignment:\nsatz:\n{only_auto:#?}\nhand:\n{only_hand:#?}"
    );
    assert_eq!(auto, hand);
}

/// Parses the CLI's beads into the evaluator's beads.
fn eval_beads(out: &str) -> Vec<satz::align::eval::Bead> {
    beads(out)
        .into_iter()
        .map(|(s, t, _)| satz::align::eval::Bead {
            source: s,
            target: t,
        })
        .collect()
}

/// Strict and lax F1 of `satz align --segmented --format beads` on the
/// shared hand-aligned gold (dev split).
fn gold_f1(
    data: &std::path::Path,
    set: &str,
    docs: &[&str],
    other: &str,
    lang: &str,
) -> (f64, f64) {
    use satz::align::eval::{Prf, lax, parse_gold, strict};
    let (mut st, mut lx) = (Prf::default(), Prf::default());
    for doc in docs {
        let dir = data.join("align").join(set).join(doc);
        let out = Fixture::new()
            .satz()
            .args([
                "--target-lang",
                lang,
                "align",
                "--segmented",
                "--format",
                "beads",
            ])
            .arg(dir.join("de.txt"))
            .arg(dir.join(other))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pred = eval_beads(&String::from_utf8(out.stdout).unwrap());
        let gold = parse_gold(&std::fs::read_to_string(dir.join("gold.txt")).unwrap()).unwrap();
        st = st.add(&strict(&pred, &gold));
        lx = lx.add(&lax(&pred, &gold));
    }
    eprintln!(
        "align gold {set}: strict F1 {:.4} (P {:.4} R {:.4}), lax F1 {:.4}",
        st.f1(),
        st.precision(),
        st.recall(),
        lx.f1()
    );
    (st.f1(), lx.f1())
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn gold_textberg_strict_f1_beats_bleualign() {
    let data = shared_data();
    let (strict, _) = gold_f1(&data, "textberg-defr", &["dev"], "fr.txt", "fr");
    // The issue's floor is 0.76 (Bleualign 0.742); 0.85 is the target for
    // held-out Text+Berg, so a change that loses it on dev fails here.
    assert!(strict >= 0.85, "Text+Berg strict F1 {strict:.4} below 0.85");
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn gold_sao_strict_f1_beats_hunalign() {
    let data = shared_data();
    let (strict, _) = gold_f1(
        &data,
        "sao-deen",
        &["KA_06_03", "KA_09_11_OCR"],
        "en.txt",
        "en",
    );
    assert!(strict >= 0.98, "SAO strict F1 {strict:.4} below 0.98");
}

#[test]
fn an_omitted_sentence_is_marked_for_review() {
    let fx = fixture();
    // The English lacks its second paragraph.
    fx.write(
        "en.txt",
        "Putin loses face\n\nIn 2024 alone, 1,500 Russian tourists are said to have visited North Korea. The tour guides are intelligence officers.\n",
    );
    let b = beads(&run(&fx, &["de.txt", "en.txt", "--format", "beads"]));
    assert_contract(&b, 5, 3);
    let omitted: Vec<_> = b.iter().filter(|x| x.1.is_empty()).collect();
    assert_eq!(
        omitted.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
        [vec![1], vec![2]]
    );
    assert!(omitted.iter().all(|x| x.2 < 0.5), "{omitted:?}");
    let html = run(&fx, &["de.txt", "en.txt", "--format", "html"]);
    assert_eq!(html.matches("<tr class=\"low").count(), 2);
    assert_eq!(
        html.matches("<span class=\"badge\">no translation</span></span>")
            .count(),
        2
    );
}

/// The shipped example with sentences cut from the raw text, in a fixture
/// with the shipped glossary (as `satz align` run in the repository).
fn example_cut(de_cut: &[&str], en_cut: &[&str]) -> Fixture {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| std::fs::read_to_string(root.join(f)).unwrap();
    let cut = |mut text: String, sentences: &[&str]| {
        for s in sentences {
            let with_space = format!(" {s}");
            assert!(text.contains(&with_space), "{s}");
            text = text.replace(&with_space, "");
        }
        text
    };
    let fx = Fixture::new();
    fx.write("glossary.toml", read("glossary.toml"));
    fx.write("de.txt", cut(read("examples/kim-putin.de.txt"), de_cut));
    fx.write("en.txt", cut(read("examples/kim-putin.en.txt"), en_cut));
    fx
}

const ABSORBED_DE: &str = "Dadurch steigt die Kriegsgefahr erheblich.";
const ABSORBED_EN: &str = "That would considerably increase the risk of war.";

/// Issue 12: a German sentence deleted, its English absorbed into the
/// neighbour's 1-2 link. Before, the link scored 0.60 and nothing named the
/// sentence; now it is below 0.5 and named in json and the table.
#[test]
fn a_sentence_absorbed_into_a_merged_link_is_named_in_json_and_table() {
    let fx = example_cut(&[ABSORBED_DE], &[]);
    let out = fx
        .satz()
        .args(["align", "de.txt", "en.txt", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).ends_with("1 below 0.5 to review\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let flagged: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["omitted"] != serde_json::json!([]) || r["added"] != serde_json::json!([]))
        .collect();
    assert_eq!(flagged.len(), 1, "{flagged:#?}");
    let link = flagged[0];
    assert_eq!(link["en"], serde_json::json!([63, 64]));
    assert_eq!(link["added"], serde_json::json!([64]));
    assert_eq!(link["omitted"], serde_json::json!([]));
    assert!(link["score"].as_f64().unwrap() < 0.5, "{link}");
    assert!(link["en_text"].as_str().unwrap().ends_with(ABSORBED_EN));
    // Every other link still has both lists, empty.
    assert!(
        rows.iter()
            .all(|r| r["omitted"].is_array() && r["added"].is_array())
    );

    let table = run(&fx, &["de.txt", "en.txt", "--format", "table"]);
    assert!(table.contains(" 1-2 0.49 addition\n"), "{table}");
    assert!(
        table.contains(&format!(
            "     English sentence 2 of 2 has no German source: {ABSORBED_EN}\n"
        )),
        "{table}"
    );
}

#[test]
fn the_review_page_marks_orphans_sentences_and_paragraphs() {
    let fx = example_cut(
        &[ABSORBED_DE],
        &["What Vladimir Putin gives in return poses a danger to the Korean peninsula."],
    );
    let html = run(&fx, &["de.txt", "en.txt", "--format", "html"]);
    // Both switches.
    assert!(html.contains(r#"<input type="checkbox" id="only-low">"#));
    assert!(html.contains(r#"<input type="checkbox" id="only-doubtful"> show only the links below 0.8 (red and yellow)"#));
    assert!(html.contains("body.only-doubtful tr.ok { display: none; }"));
    // The 1-0 link: its German marked; the merged 1-2 link: its sentences
    // numbered one per line, the absorbed one marked.
    assert!(html.contains(r#"<span class="s orphan">Wladimir Putins Gegenleistung dafür ist eine Gefahr für die koreanische Halbinsel. <span class="badge">no translation</span></span>"#), "{html}");
    assert!(html.contains(&format!(
        r#"<span class="s orphan"><span class="k">64</span> {ABSORBED_EN} <span class="badge">no German source</span></span>"#
    )));
    assert!(html.contains(r#"<span class="s"><span class="k">63</span> If North Korea"#));
    assert_eq!(html.matches("<tr class=\"low").count(), 2);
    assert_eq!(html.matches(" orphan\"><td").count(), 2, "two rows");
    // Paragraph breaks: a row per paragraph start after the first.
    let paragraphs = std::fs::read_to_string(fx.path("de.txt"))
        .unwrap()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .count();
    let marks = html
        .matches(r#"<span class="para" title="new paragraph">¶</span>"#)
        .count();
    assert!(
        marks >= paragraphs - 1,
        "{marks} marks, {paragraphs} paragraphs"
    );
    assert!(html.contains("tr.para td { border-top: 3px double #888; }"));
}

#[test]
fn save_keeps_a_link_with_an_omission_out_whatever_the_min_score() {
    let fx = example_cut(&[ABSORBED_DE], &[]);
    fx.satz()
        .args([
            "align",
            "de.txt",
            "en.txt",
            "--save",
            "kim",
            "--min-score",
            "0",
            "--format",
            "beads",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "memory/kim.tmx: 70 link(s) added, 0 already there, 1 kept out (0 scoring below 0, 1 with an omission or addition)\n",
        ));
    let tmx = fx.read("memory/kim.tmx");
    assert!(!tmx.contains(ABSORBED_EN));
    assert!(tmx.contains("Dementsprechend ist die Stärkung Nordkoreas"));
}

#[test]
fn links_kept_by_fix_name_no_orphan() {
    let fx = example_cut(&[ABSORBED_DE], &[]);
    let tsv = run(&fx, &["de.txt", "en.txt", "--format", "tsv"]);
    // The translator confirms every line as it is ("ok").
    let confirmed: String = tsv
        .lines()
        .map(|l| format!("ok\t{}\n", l.split_once('\t').unwrap().1))
        .collect();
    fx.write("fixed.tsv", confirmed);
    let json = run(
        &fx,
        &["de.txt", "en.txt", "--fix", "fixed.tsv", "--format", "json"],
    );
    assert!(
        json.lines()
            .all(|l| l.contains(r#""score":1.0,"#) && l.ends_with(r#""omitted":[],"added":[]}"#)),
        "{json}"
    );
}

#[test]
fn a_dictionary_is_optional_input_and_checked() {
    let fx = fixture();
    fx.write(
        "dict.tsv",
        "# German<TAB>English\nGesicht\tface\nReiseführer\ttour guide\n",
    );
    let b = beads(&run(
        &fx,
        &[
            "de.txt", "en.txt", "--dict", "dict.tsv", "--format", "beads",
        ],
    ));
    assert_contract(&b, 5, 5);
    fx.write("bad.tsv", "Gesicht\tface\nno tab here\n");
    fx.satz()
        .args(["align", "de.txt", "en.txt", "--dict", "bad.tsv"])
        .assert()
        .code(2)
        .stderr("satz: bad.tsv:2: expected german<TAB>english\n");
}

/// The deletion trials of BENCHMARKS.md, shared with the example program.
#[path = "../examples/deletion_trials.rs"]
#[allow(dead_code, missing_docs)]
mod deletion_trials;

/// Issue 12: a deleted sentence must reach the reviewer. Over the seeded
/// deletion trials of `examples/deletion_trials.rs` (gold documents and the
/// shipped example), at least 97% of the sentences left without counterpart
/// end up below 0.5 and reported by `check` as omission or addition; the
/// omission rules add at most 1% false flags on right links of the intact
/// documents, none on the news example, and leave the alignment as it was.
/// About 13 minutes in a debug build on 2 cores, 1 minute with --release.
#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn deleted_sentences_reach_the_reviewer() {
    let data = shared_data();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = deletion_trials::run(&data, root, deletion_trials::DEFAULT_SEED).unwrap();
    for r in &rows {
        eprintln!("deletion trials {r}");
    }
    let all = rows.last().unwrap();
    assert!(all.trials >= 300, "{all:?}");
    assert!(all.caught_rate() >= 0.97, "caught {all:?}");
    let added = all.false_flags - all.false_by_posterior;
    assert!(
        added * 100 <= all.right_links,
        "{added} right links flagged by the omission rules: {all:?}"
    );
    let news = rows
        .iter()
        .find(|r| r.name.starts_with("kim-putin"))
        .unwrap();
    assert_eq!(news.false_flags, 0, "{news:?}");
    assert_eq!(news.f1(), 1.0, "{news:?}");
    // An omission must not drag its right neighbours to review: no right
    // link of the example's trials that the intact alignment leaves alone is
    // flagged, and at most 1 in 1,000 of the SAO reports' (0.05% on seed
    // 2026; a rule naming the sentence next to every gap flagged 4 in the
    // example's trials).
    assert_eq!(news.trial_collateral, 0, "{news:?}");
    let (sao_flagged, sao_right) = rows
        .iter()
        .filter(|r| r.name.starts_with("sao-deen"))
        .fold((0, 0), |(f, n), r| {
            (f + r.trial_collateral, n + r.trial_right_links)
        });
    assert!(
        sao_flagged * 1000 <= sao_right,
        "{sao_flagged} of {sao_right} right links of the SAO trials flagged"
    );
    let textberg = rows
        .iter()
        .find(|r| r.name.starts_with("textberg"))
        .unwrap();
    assert!(textberg.f1() >= 0.862, "{textberg:?}");
}
