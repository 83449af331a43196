//! `satz import`

use predicates::prelude::*;

use crate::common::{Fixture, fixture, utf16};

#[test]
fn tmx_import_picks_the_pair_by_language_and_reports_skips() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success()
        .stderr(predicate::str::contains("3 imported into memory/news.tmx"))
        .stderr(predicate::str::contains("1 skipped (1 without en)"))
        .stderr(predicate::str::contains(
            "news.tmx:25: unit has no en variant (it holds de-CH); skipped",
        ));
    let tsv = fx.export_tsv();
    assert_eq!(
        tsv,
        "Allein im Jahr 2024 sollen 1500 russische Touristen Nordkorea besucht haben.\tIn 2024 alone, 1,500 Russian tourists are said to have visited North Korea.\n\
         Kim Jong Un schickt Russland Kanonenfutter.\tKim Jong Un is sending Russia cannon fodder.\n\
         Im Zentrum stehen die etwa 10'000 Soldaten & ihre «Schicksale».\tAt the centre are the roughly 10,000 soldiers & their \"fates\".\n"
    );
}

#[test]
fn importing_twice_adds_nothing_and_leaves_the_file_alone() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success();
    let first = fx.read("memory/news.tmx");
    fx.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "nothing new for memory/news.tmx, 3 duplicates",
        ));
    assert_eq!(fx.read("memory/news.tmx"), first);
    // Into another name: still nothing, the memory holds them already.
    fx.satz()
        .args(["import", "--name", "other"])
        .arg(fixture("news.tmx"))
        .assert()
        .success();
    assert_eq!(fx.memory_files(), ["news.tmx"]);
}

#[test]
fn import_export_import_gives_identical_units() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success();
    fx.satz()
        .arg("import")
        .arg(fixture("pairs.tsv"))
        .assert()
        .success();
    let exported = fx
        .satz()
        .args(["export", "--format", "tmx"])
        .output()
        .unwrap()
        .stdout;
    let fx2 = Fixture::new();
    fx2.write("all.tmx", &exported);
    fx2.satz().args(["import", "all.tmx"]).assert().success();
    assert_eq!(fx2.export_tsv(), fx.export_tsv());
    // And the TMX itself survives: codes, props, notes, attributes.
    let again = fx2
        .satz()
        .args(["export", "--format", "tmx"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(exported).unwrap()
    );
}

#[test]
fn written_tmx_is_deterministic_and_keeps_codes_and_metadata() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success();
    let tmx = fx.read("memory/news.tmx");
    assert!(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"satz\""));
    assert!(tmx.contains(r#"<tu tuid="a1" creationdate="20250107T120000Z" usagecount="3">"#));
    assert!(
        tmx.contains(r#"<prop type="x-context-prev">Die Wahrheit hinter der Propaganda</prop>"#)
    );
    assert!(tmx.contains(r#"<tuv xml:lang="de-CH" creationid="pd">"#));
    assert!(tmx.contains(r#"<bpt i="1">&lt;b&gt;</bpt>1500<ept i="1">&lt;/b&gt;</ept>"#));
    assert!(!tmx.contains("fr\""), "only the pair is written");
    let fx2 = Fixture::new();
    fx2.satz()
        .arg("import")
        .arg(fixture("news.tmx"))
        .assert()
        .success();
    assert_eq!(fx2.read("memory/news.tmx"), tmx, "same input, same bytes");
}

#[test]
fn tsv_and_csv_import_with_line_numbers_for_gaps() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("pairs.tsv"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "pairs.tsv:4: no de text; line skipped",
        ))
        .stderr(predicate::str::contains("3 imported into memory/pairs.tmx"));
    fx.satz()
        .arg("import")
        .arg(fixture("pairs.csv"))
        .assert()
        .success()
        .stderr(predicate::str::contains("2 imported into memory/pairs.tmx"));
    let tsv = fx.export_tsv();
    assert!(
        tsv.contains("Sanktionen, wieder\tSanctions, again\n"),
        "{tsv}"
    );
    assert!(
        tsv.ends_with("Erbdiktatur\thereditary dictatorship\n"),
        "{tsv}"
    );
}

#[test]
fn extra_tsv_columns_are_named_in_one_warning() {
    let fx = Fixture::new();
    fx.write(
        "three.tsv",
        "error\tDer Krieg.\tThe war.\nDie Lage.\tThe situation.\nx\tDie Ruhe.\tThe calm.\n",
    );
    fx.satz()
        .args(["import", "three.tsv"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "three.tsv:1: 2 line(s) have more than two columns; only the first two (de and en) were read",
        ));
}

#[test]
fn utf16_and_legacy_encodings_import() {
    let fx = Fixture::new();
    let tmx = std::fs::read_to_string(fixture("news.tmx")).unwrap();
    fx.write("le.tmx", utf16(&tmx.replace("UTF-8", "UTF-16"), true, true));
    fx.write("be.tmx", utf16(&tmx, false, true));
    let latin = tmx
        .replace("UTF-8", "windows-1252")
        .replace(['«', '»'], "\"");
    let bytes: Vec<u8> = latin
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    fx.write("latin.tmx", bytes);
    fx.satz()
        .args(["import", "le.tmx", "--name", "x"])
        .assert()
        .success()
        .stderr(predicate::str::contains("3 imported"));
    fx.satz()
        .args(["import", "be.tmx", "--name", "x"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing new"));
    fx.satz()
        .args(["import", "latin.tmx", "--name", "x"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 imported"));
    assert!(
        fx.export_tsv()
            .contains("Im Zentrum stehen die etwa 10'000 Soldaten & ihre \"Schicksale\".\t"),
        "windows-1252 text decoded"
    );
}

#[test]
fn stdin_import_needs_a_name() {
    let fx = Fixture::new();
    fx.satz()
        .args(["import", "-"])
        .write_stdin("Haus\thouse\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs --name"));
    fx.satz()
        .args(["import", "-", "--name", "piped"])
        .write_stdin("Haus\thouse\n")
        .assert()
        .success();
    assert_eq!(fx.export_tsv(), "Haus\thouse\n");
}

#[test]
fn language_pair_options_select_regional_variants() {
    let fx = Fixture::new();
    fx.satz()
        .args(["--source-lang", "de", "--target-lang", "fr", "import"])
        .arg(fixture("news.tmx"))
        .assert()
        .success()
        .stderr(predicate::str::contains("1 imported"));
    fx.satz()
        .args(["--target-lang", "en-US", "import", "--name", "us"])
        .arg(fixture("news.tmx"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the file holds DE-ch, de-CH, en-GB, en-gb, fr",
        ));
}

/// Regression (issue 13): a memory file that is a symbolic link (to a
/// memory shared with colleagues, or through a chain of links) was
/// replaced by a private copy on import, and the shared file never got the
/// new units.
#[cfg(unix)]
#[test]
fn import_into_a_symlinked_memory_file_updates_the_target() {
    let fx = Fixture::new();
    fx.write("one.tsv", "Eins.\tOne.\n");
    fx.write("two.tsv", "Zwei.\tTwo.\n");
    // A direct link: memory/team.tmx -> ../shared/team.tmx.
    std::fs::create_dir_all(fx.path("shared")).unwrap();
    std::fs::create_dir_all(fx.path("memory")).unwrap();
    fx.satz()
        .args(["--memory", "shared", "import", "one.tsv", "--name", "team"])
        .assert()
        .success();
    std::os::unix::fs::symlink("../shared/team.tmx", fx.path("memory/team.tmx")).unwrap();
    fx.satz()
        .args(["import", "two.tsv", "--name", "team"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 imported into memory/team.tmx"));
    let is_link = |rel: &str| {
        fx.path(rel)
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    };
    assert!(is_link("memory/team.tmx"));
    let shared = fx.read("shared/team.tmx");
    assert!(shared.contains("<seg>Eins.</seg>") && shared.contains("<seg>Zwei.</seg>"));
    assert!(
        fx.path("shared/.satz.lock").exists(),
        "locked beside the target"
    );
    // A chain: memory/chain.tmx -> links/chain.tmx -> ../shared/chain.tmx.
    fx.write("four.tsv", "Vier.\tFour.\n");
    fx.satz()
        .args([
            "--memory", "shared", "import", "four.tsv", "--name", "chain",
        ])
        .assert()
        .success();
    std::fs::create_dir_all(fx.path("links")).unwrap();
    std::os::unix::fs::symlink("../shared/chain.tmx", fx.path("links/chain.tmx")).unwrap();
    std::os::unix::fs::symlink(fx.path("links/chain.tmx"), fx.path("memory/chain.tmx")).unwrap();
    fx.write("three.tsv", "Drei.\tThree.\n");
    fx.satz()
        .args(["import", "three.tsv", "--name", "chain"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 imported into memory/chain.tmx"));
    assert!(is_link("memory/chain.tmx") && is_link("links/chain.tmx"));
    assert!(fx.read("shared/chain.tmx").contains("<seg>Drei.</seg>"));
    let names: Vec<String> = std::fs::read_dir(fx.path("links"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["chain.tmx"], "no temporary file beside a link");
}

/// Regression (issue 13): a unit that differs from another only by its
/// inline formatting codes was dropped on import as a duplicate, so its
/// formatting was lost. True duplicates (same text, same codes) are still
/// dropped, and a formatted unit survives export and import.
#[test]
fn units_that_differ_only_by_inline_codes_are_kept() {
    let fx = Fixture::new();
    let tu = |de: &str, en: &str| {
        format!(
            "<tu><tuv xml:lang=\"de\"><seg>{de}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>\n"
        )
    };
    let bold_de = "Das <bpt i=\"1\">&lt;b&gt;</bpt>Pulverfass<ept i=\"1\">&lt;/b&gt;</ept> brennt.";
    let bold_en =
        "The <bpt i=\"1\">&lt;b&gt;</bpt>powder keg<ept i=\"1\">&lt;/b&gt;</ept> is burning.";
    let ital_de = "Das <bpt i=\"1\">&lt;i&gt;</bpt>Pulverfass<ept i=\"1\">&lt;/i&gt;</ept> brennt.";
    let ital_en =
        "The <bpt i=\"1\">&lt;i&gt;</bpt>powder keg<ept i=\"1\">&lt;/i&gt;</ept> is burning.";
    let body = [
        tu("Das Pulverfass brennt.", "The powder keg is burning."),
        tu(bold_de, bold_en),
        tu(ital_de, ital_en),
        // True duplicates: the same codes, whitespace folded as for text.
        tu(bold_de, bold_en),
        tu("Das  Pulverfass brennt. ", "The powder keg is burning."),
    ]
    .concat();
    fx.write(
        "formatted.tmx",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"de\" creationtool=\"t\" creationtoolversion=\"1\" datatype=\"html\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\"/><body>\n{body}</body></tmx>\n"
        ),
    );
    fx.satz()
        .args(["import", "formatted.tmx"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "3 imported into memory/formatted.tmx, 2 duplicates",
        ));
    let tmx = fx.read("memory/formatted.tmx");
    assert!(
        tmx.contains("&lt;b&gt;") && tmx.contains("&lt;i&gt;"),
        "{tmx}"
    );
    // Export and import again: nothing lost, nothing added.
    let out = fx
        .satz()
        .args(["export", "-o", "all.tmx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let exported = fx.read("all.tmx");
    assert_eq!(exported.matches("<tu ").count(), 3, "{exported}");
    fx.satz()
        .args(["import", "all.tmx", "--name", "formatted"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "nothing new for memory/formatted.tmx, 3 duplicates",
        ));
}
