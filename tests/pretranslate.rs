//! `satz pretranslate`: a German text as XLIFF with the memory's matches.

use predicates::prelude::*;

use crate::common::{Fixture, succeed};

/// A memory of three pairs, one of which recorded its neighbours (a unit
/// saved by `align --save` does; here a TMX written by hand).
fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "memory.tmx",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" segtype="sentence" datatype="plaintext" o-tmf="x" adminlang="en" creationtool="t" creationtoolversion="1"/>
<body>
<tu><prop type="x-context-next">Die Bilder sprechen eine andere Sprache.</prop>
<tuv xml:lang="de"><seg>Putin verliert sein Gesicht</seg></tuv><tuv xml:lang="en"><seg>Putin loses face</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Die Bilder sprechen eine andere Sprache.</seg></tuv><tuv xml:lang="en"><seg>The images tell a different story.</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Bisher soll Nordkorea bis zu 5,5 Milliarden Dollar verdient haben.</seg></tuv><tuv xml:lang="en"><seg>So far North Korea is said to have earned up to $5.5 billion.</seg></tuv></tu>
</body></tmx>
"#,
    );
    fx.satz()
        .args(["import", "memory.tmx", "--name", "kim"])
        .assert()
        .success();
    fx.write(
        "glossary.toml",
        "[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n\n\
         [[term]]\nde = \"Sippenhaft\"\nen = [\"collective punishment\"]\nforbidden = [\"clan custody\"]\n",
    );
    fx.write(
        "article.txt",
        "Putin verliert sein Gesicht\n\n\
         Die Bilder sprechen eine andere Sprache. Bisher soll Nordkorea bis zu 7,5 Milliarden Dollar verdient haben.\n\n\
         Das Regime kennt die Sippenhaft.\n",
    );
    fx
}

fn pretranslate(fx: &Fixture, extra: &[&str]) -> (String, String) {
    succeed(fx.satz().arg("pretranslate").args(extra).arg("article.txt"))
}

/// The part of `xml` from the start tag of unit `id` to the next unit.
fn unit<'a>(xml: &'a str, start: &str) -> &'a str {
    let from = xml.split_once(start).unwrap().1;
    from.split("<trans-unit id=").next().unwrap()
}

#[test]
fn xliff_12_fills_exact_matches_and_marks_fuzzy_ones_for_review() {
    let fx = fixture();
    let (xml, stderr) = pretranslate(&fx, &[]);
    assert!(
        stderr.contains("4 segments in 3 paragraphs: 1 at 101%, 1 at 100%, 1 fuzzy (targets to review), 1 without a match"),
        "{stderr}"
    );
    assert_eq!(xml.matches("<group id=\"p").count(), 3);
    assert!(xml.contains("original=\"article.txt\" source-language=\"de\" target-language=\"en\""));

    // 101%: the recorded next sentence is the text's next sentence.
    let u1 = unit(&xml, "<trans-unit id=\"1\">");
    assert!(
        u1.contains(
            "<target state=\"translated\" state-qualifier=\"exact-match\">Putin loses face</target>"
        ),
        "{u1}"
    );
    assert!(
        u1.contains("<alt-trans match-quality=\"101\" origin=\"kim.tmx\""),
        "{u1}"
    );

    let u2 = unit(&xml, "<trans-unit id=\"2\">");
    assert!(
        u2.contains("state-qualifier=\"leveraged-tm\">The images tell a different story.</target>"),
        "{u2}"
    );
    assert!(
        u2.contains("<context context-type=\"x-satz-prev\">Putin verliert sein Gesicht</context>"),
        "{u2}"
    );

    // The fuzzy match has its number adapted (5.5 -> 7.5) and its penalty.
    let u3 = unit(&xml, "<trans-unit id=\"3\">");
    assert!(u3.contains("<target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">So far North Korea is said to have earned up to $7.5 billion.</target>"), "{u3}");
    assert!(u3.contains("-2 numbers"), "{u3}");

    let u4 = unit(&xml, "<trans-unit id=\"4\">");
    assert!(!u4.contains("<target"), "{u4}");
    assert!(
        u4.contains("Glossary: Sippenhaft: collective punishment; not: clan custody"),
        "{u4}"
    );
}

#[test]
fn fuzzy_candidate_leaves_the_target_empty() {
    let fx = fixture();
    let (xml, stderr) = pretranslate(&fx, &["--fuzzy", "candidate"]);
    assert!(stderr.contains("1 with fuzzy candidates only"), "{stderr}");
    let u3 = unit(&xml, "<trans-unit id=\"3\">");
    assert!(!u3.contains("<target state="), "{u3}");
    assert!(u3.contains("<alt-trans match-quality="), "{u3}");
}

#[test]
fn xliff_20_uses_states_and_the_modules() {
    let fx = fixture();
    let (xml, _) = pretranslate(&fx, &["--xliff", "2.0"]);
    assert!(
        xml.contains("version=\"2.0\" srcLang=\"de\" trgLang=\"en\""),
        "{xml}"
    );
    assert!(
        xml.contains("<segment id=\"s1\" state=\"translated\" subState=\"satz:context-match\">")
    );
    assert!(xml.contains("<mtc:match ref=\"#m1\" similarity=\"100\" type=\"icm\""));
    assert!(xml.contains("<segment id=\"s3\" state=\"initial\" subState=\"satz:fuzzy-match\">"));
    assert!(xml.contains("<gls:term source=\"glossary.toml\">Sippenhaft</gls:term>"));
}

#[test]
fn output_file_is_written_and_named_in_the_summary() {
    let fx = fixture();
    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "article.xlf"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("article.xlf: 4 segments"));
    assert!(fx.read("article.xlf").starts_with("<?xml"));
}

#[test]
fn an_empty_text_is_refused() {
    let fx = fixture();
    fx.write("empty.txt", "  \n\n");
    fx.satz()
        .args(["pretranslate", "empty.txt", "-o", "out.xlf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt: no text"));
    assert!(!fx.path("out.xlf").exists());
}

/// The scores of the first match of every segment of a satz XLIFF 1.2 file
/// (`match-quality` of its first `alt-trans`; 0 without a match).
fn first_scores(xml: &str) -> Vec<u32> {
    xml.split("<trans-unit id=")
        .skip(1)
        .map(|unit| {
            unit.split_once("<alt-trans match-quality=\"")
                .map_or(0, |(_, rest)| {
                    rest.split('"').next().unwrap().parse().unwrap()
                })
        })
        .collect()
}

/// What a translator does in a CAT tool, as a script: every segment but
/// those in `skip` gets a translation and the state `translated`.
fn translate_in_a_cat_tool(xml: &str, skip: &[usize]) -> String {
    let mut out = String::new();
    for (i, unit) in xml.split("<trans-unit id=").enumerate() {
        if i > 0 {
            out.push_str("<trans-unit id=");
        }
        if i == 0 || skip.contains(&i) {
            out.push_str(unit);
            continue;
        }
        let source = unit
            .split_once("<source>")
            .unwrap()
            .1
            .split("</source>")
            .next()
            .unwrap();
        let target = format!("<target state=\"translated\">EN {source}</target>");
        let (head, tail) = unit.split_once("</source>").unwrap();
        out.push_str(&format!("{head}</source>\n          {target}{tail}"));
    }
    out
}

#[test]
fn round_trip_through_a_cat_tool_makes_the_text_101_percent() {
    let fx = Fixture::new();
    let example =
        std::fs::read_to_string(crate::common::fixture("../../examples/kim-putin.de.txt")).unwrap();
    fx.write("article.txt", &example);
    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "article.xlf"])
        .assert()
        .success();
    let first = fx.read("article.xlf");
    assert!(
        first_scores(&first).iter().all(|&s| s == 0),
        "an empty memory matches nothing"
    );

    // The translator confirms every segment but the 5th and the 9th.
    let segments = first.matches("<trans-unit id=").count();
    fx.write("article.xlf", translate_in_a_cat_tool(&first, &[5, 9]));
    fx.satz()
        .args(["import", "article.xlf"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 segment"));
    let memory = fx.export_tsv();
    assert_eq!(memory.lines().count(), segments - 2, "{memory}");
    for line in memory.lines() {
        let (de, en) = line.split_once('\t').unwrap();
        assert_eq!(en, format!("EN {de}"));
    }

    // The same text again: every confirmed segment is a context match
    // (its neighbours were recorded), the two skipped ones have nothing.
    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "again.xlf"])
        .assert()
        .success();
    let scores = first_scores(&fx.read("again.xlf"));
    for (i, score) in scores.iter().enumerate() {
        let expected = if [5, 9].contains(&(i + 1)) { 0 } else { 101 };
        assert_eq!(*score, expected, "segment {}", i + 1);
    }
}

/// XLIFF 2.0 as a translator leaves it: every segment but those in `skip`
/// translated.
fn translate_2_0_in_a_cat_tool(xml: &str, skip: &[usize]) -> String {
    let mut out = String::new();
    for (i, seg) in xml.split("<segment id=").enumerate() {
        if i > 0 {
            out.push_str("<segment id=");
        }
        if i == 0 || skip.contains(&i) {
            out.push_str(seg);
            continue;
        }
        let source = seg
            .split_once("<source>")
            .unwrap()
            .1
            .split("</source>")
            .next()
            .unwrap();
        let source = source
            .strip_prefix(&format!("<mrk id=\"m{i}\" type=\"mtc:match\">"))
            .and_then(|s| s.strip_suffix("</mrk>"))
            .unwrap_or(source);
        let (head, tail) = seg.split_once("</source>").unwrap();
        let head = head.replacen("state=\"initial\"", "state=\"translated\"", 1);
        out.push_str(&format!(
            "{head}</source><target>EN {source}</target>{tail}"
        ));
    }
    out
}

#[test]
fn xliff_20_round_trip_makes_the_text_101_percent() {
    let fx = Fixture::new();
    let example = crate::common::fixture("../../examples/kim-putin-followup.de.txt");
    fx.write("article.txt", std::fs::read(example).unwrap());
    fx.satz()
        .args([
            "pretranslate",
            "--xliff",
            "2.0",
            "article.txt",
            "-o",
            "article.xlf",
        ])
        .assert()
        .success();
    let first = fx.read("article.xlf");
    let segments = first.matches("<segment id=").count();
    fx.write("article.xlf", translate_2_0_in_a_cat_tool(&first, &[2]));
    fx.satz().args(["import", "article.xlf"]).assert().success();
    assert_eq!(fx.export_tsv().lines().count(), segments - 1);
    fx.satz()
        .args([
            "pretranslate",
            "--xliff",
            "2.0",
            "article.txt",
            "-o",
            "again.xlf",
        ])
        .assert()
        .success();
    let again = fx.read("again.xlf");
    for i in 1..=segments {
        let seg = again.split(&format!("<unit id=\"u{i}\">")).nth(1).unwrap();
        let seg = seg.split("</unit>").next().unwrap();
        if i == 2 {
            assert!(!seg.contains("satz:score=\"10"), "segment 2: {seg}");
        } else {
            assert!(
                seg.contains("type=\"icm\" origin=\"article.tmx\" satz:score=\"101\""),
                "segment {i}: {seg}"
            );
            assert!(
                seg.contains(" state=\"translated\" subState=\"satz:context-match\""),
                "segment {i}: {seg}"
            );
        }
    }
}

#[test]
fn merge_writes_the_translation_paragraph_by_paragraph() {
    let fx = Fixture::new();
    let example = crate::common::fixture("../../examples/kim-putin.de.txt");
    fx.write("article.txt", std::fs::read(example).unwrap());
    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "article.xlf"])
        .assert()
        .success();
    let xml = fx.read("article.xlf");
    fx.write("article.xlf", translate_in_a_cat_tool(&xml, &[3]));
    let out = fx.satz().args(["merge", "article.xlf"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 segment without a translation, left in the source language"),
        "{stderr}"
    );

    // What the translation must be: the text's sentences as `segment`
    // splits them, each prefixed as the script translated it (the third
    // left in German), paragraphs as in the text.
    let segmented = fx.satz().args(["segment", "article.txt"]).output().unwrap();
    let mut expected = Vec::new();
    let mut n = 0;
    for paragraph in String::from_utf8(segmented.stdout).unwrap().split("\n\n") {
        let sentences: Vec<String> = paragraph
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|s| {
                n += 1;
                let s = s
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                let s = s
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
                if n == 3 { s } else { format!("EN {s}") }
            })
            .collect();
        if !sentences.is_empty() {
            expected.push(sentences.join(" "));
        }
    }
    let merged = String::from_utf8(out.stdout).unwrap();
    assert_eq!(merged, format!("{}\n", expected.join("\n\n")));
}

#[test]
fn a_unit_without_context_gains_it_from_the_imported_xliff() {
    let fx = Fixture::new();
    fx.write(
        "pairs.tsv",
        "Putin verliert sein Gesicht\tPutin loses face\n\
         Die Bilder sprechen eine andere Sprache.\tThe images tell a different story.\n",
    );
    fx.satz()
        .args(["import", "pairs.tsv", "--name", "old"])
        .assert()
        .success();
    let before = fx.read("memory/old.tmx");
    fx.write(
        "article.txt",
        "Putin verliert sein Gesicht\n\nDie Bilder sprechen eine andere Sprache. Ein neuer Satz.\n",
    );
    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "article.xlf"])
        .assert()
        .success();
    let xml = fx.read("article.xlf");
    assert_eq!(first_scores(&xml), [100, 100, 0], "no context recorded yet");

    // Confirmed as they were, the third translated: the two known units
    // are duplicates that bring their neighbours.
    let xml = xml.replace(
        "state=\"translated\" state-qualifier=\"leveraged-tm\"",
        "state=\"translated\"",
    );
    fx.write("article.xlf", translate_in_a_cat_tool(&xml, &[1, 2]));
    fx.satz()
        .args(["import", "article.xlf", "--name", "old"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 imported into memory/old.tmx, 2 duplicates (2 gained the context they lacked)",
        ));
    let after = fx.read("memory/old.tmx");
    assert!(
        after.contains(
            "<prop type=\"x-context-next\">Die Bilder sprechen eine andere Sprache.</prop>"
        ),
        "{after}"
    );
    // Only the two units changed, plus the new one appended.
    let changed = after.lines().filter(|l| !before.contains(l)).count();
    assert!(changed <= 12, "{changed} lines changed:\n{after}");

    fx.satz()
        .args(["pretranslate", "article.txt", "-o", "again.xlf"])
        .assert()
        .success();
    assert_eq!(first_scores(&fx.read("again.xlf")), [101, 101, 101]);
}

#[test]
fn merge_keeps_units_not_to_be_translated() {
    let fx = Fixture::new();
    fx.write(
        "tn.xlf",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="de" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>Erster Absatz.</source><target state="translated">First paragraph.</target></trans-unit>
      <trans-unit id="2" translate="no"><source>https://example.org/BMW-X5</source></trans-unit>
      <trans-unit id="3"><source>Dritter Absatz.</source><target state="translated">Third paragraph.</target></trans-unit>
    </body>
  </file>
</xliff>
"#,
    );
    fx.satz()
        .args(["merge", "tn.xlf"])
        .assert()
        .success()
        .stdout("First paragraph.\n\nhttps://example.org/BMW-X5\n\nThird paragraph.\n");
}
