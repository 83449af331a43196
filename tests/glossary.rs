//! `satz glossary`

use predicates::prelude::*;

use crate::common::Fixture;

const HAND_EDITED: &str = "\
# Our team's glossary. Keep it alphabetical.
[glossary]
source_lang = \"de\"
target_lang = \"en\"

# Nazi-era legal term, still used for North Korea.
[[term]]
de = \"Sippenhaft\"
en = \"collective punishment\"   # the one we use
forbidden = [\"clan custody\"]

[[term]]
de = \"Kanonenfutter\"
en = [\"cannon fodder\"]
";

#[test]
fn list_json_prints_one_object_per_term() {
    let fx = Fixture::new();
    fx.write("glossary.toml", HAND_EDITED);
    fx.satz()
        .args(["glossary", "list", "--format", "json"])
        .assert()
        .success()
        .stdout(
            "{\"de\":\"Sippenhaft\",\"en\":[\"collective punishment\"],\"forbidden\":[\"clan custody\"],\"status\":null,\"note\":null}\n\
             {\"de\":\"Kanonenfutter\",\"en\":[\"cannon fodder\"],\"forbidden\":[],\"status\":null,\"note\":null}\n",
        );
}

#[test]
fn list_defaults_to_json_when_piped_and_tsv_on_request() {
    let fx = Fixture::new();
    fx.write("glossary.toml", HAND_EDITED);
    fx.satz()
        .args(["glossary", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{\"de\":\"Sippenhaft\""));
    fx.satz()
        .args(["glossary", "list", "--format", "tsv"])
        .assert()
        .success()
        .stdout("Sippenhaft\tcollective punishment\t\nKanonenfutter\tcannon fodder\t\n");
}

#[test]
fn add_and_remove_keep_comments_and_order() {
    let fx = Fixture::new();
    fx.write("glossary.toml", HAND_EDITED);
    fx.satz()
        .args(["glossary", "add", "Erbdiktatur", "hereditary dictatorship"])
        .args([
            "--forbidden",
            "inheritance dictatorship",
            "--match",
            "Erb|diktatur",
        ])
        .assert()
        .success()
        .stderr("glossary.toml: Erbdiktatur added\n");
    let text = fx.read("glossary.toml");
    assert!(
        text.starts_with(HAND_EDITED),
        "the hand-edited part is untouched:\n{text}"
    );
    assert!(text.ends_with(
        "\n[[term]]\nde = \"Erbdiktatur\"\nen = [\"hereditary dictatorship\"]\nforbidden = [\"inheritance dictatorship\"]\nmatch = \"Erb|diktatur\"\n"
    ), "{text}");
    fx.satz()
        .args(["glossary", "add", "Sippenhaft", "kin liability"])
        .assert()
        .success()
        .stderr("glossary.toml: Sippenhaft merged into the existing entry\n");
    assert!(fx.read("glossary.toml").contains("# the one we use"));
    fx.satz()
        .args(["glossary", "remove", "Erbdiktatur"])
        .assert()
        .success();
    fx.satz()
        .args(["glossary", "remove", "Kanonenfutter"])
        .assert()
        .success();
    let text = fx.read("glossary.toml");
    assert!(text.contains(
        "# Nazi-era legal term, still used for North Korea.\n[[term]]\nde = \"Sippenhaft\""
    ));
    assert!(
        !text.contains("Kanonenfutter") && !text.contains("Erbdiktatur"),
        "{text}"
    );
}

#[test]
fn add_creates_the_glossary() {
    let fx = Fixture::new();
    fx.satz()
        .args([
            "glossary",
            "add",
            "Goldesel",
            "cash cow",
            "--status",
            "preferred",
        ])
        .assert()
        .success();
    fx.satz()
        .args(["glossary", "list", "--format", "json"])
        .assert()
        .success()
        .stdout("{\"de\":\"Goldesel\",\"en\":[\"cash cow\"],\"forbidden\":[],\"status\":\"preferred\",\"note\":null}\n");
}

#[test]
fn sharp_s_and_ss_spellings_are_one_term_and_the_message_says_how_to_merge() {
    let fx = Fixture::new();
    // Term matching takes ß for ss: both entries would find the same words,
    // even when both are case-sensitive.
    let both = "[[term]]\nde = \"Straße\"\nen = \"road\"\ncase_sensitive = true\n\n\
                [[term]]\nde = \"Strasse\"\nen = \"street\"\ncase_sensitive = true\n";
    fx.write("glossary.toml", both);
    fx.satz()
        .args(["glossary", "list"])
        .assert()
        .code(2)
        .stderr(
            "satz: glossary.toml:7:6: duplicate term \"Strasse\": same as \"Straße\" at line 2, \
             since ß and ss match the same words; merge the two [[term]] entries into one (keep \
             one spelling in de, move the other's en, forbidden and forms into it, and delete \
             the other)\n",
        );
    // Adding the other spelling says where the term is.
    fx.write(
        "glossary.toml",
        "[[term]]\nde = \"Straße\"\nen = \"road\"\n",
    );
    fx.satz()
        .args(["glossary", "add", "Strasse", "street"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot add \"Strasse\": it is the term \"Straße\" at line 2, since ß and ss match \
             the same words; add the translations to that term instead (satz glossary add \
             \"Straße\" ...)",
        ));
    fx.satz()
        .args(["glossary", "add", "Straße", "street"])
        .assert()
        .success();
    assert!(
        fx.read("glossary.toml")
            .contains("en = [\"road\", \"street\"]")
    );
}

#[test]
fn a_broken_glossary_names_file_line_and_key() {
    let fx = Fixture::new();
    fx.write(
        "glossary.toml",
        "[[term]]\nde = \"Sippenhaft\"\nen = [\"kin liability\"]\nforbiden = [\"x\"]\n",
    );
    fx.satz()
        .args(["glossary", "list"])
        .assert()
        .code(2)
        .stderr("satz: glossary.toml:4:1: unknown key `forbiden` in [[term]] (did you mean `forbidden`?)\n");
    let before = fx.read("glossary.toml");
    fx.satz()
        .args(["glossary", "add", "A", "a"])
        .assert()
        .code(2);
    assert_eq!(fx.read("glossary.toml"), before, "nothing written");
}

#[test]
fn bad_values_on_the_command_line_are_usage_errors() {
    let fx = Fixture::new();
    fx.satz()
        .args(["glossary", "add", "A", "a", "--status", "pref"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--status: invalid `status` \"pref\"",
        ));
    fx.satz()
        .args(["glossary", "add", "Erbdiktatur", "x", "--match", "Erb|"])
        .assert()
        .code(2);
    assert!(!fx.path("glossary.toml").exists());
}

#[test]
fn a_missing_glossary_is_named() {
    let fx = Fixture::new();
    fx.satz()
        .args(["--glossary", "terms.toml", "glossary", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("satz: terms.toml: "));
}

#[test]
fn the_shipped_glossary_lists() {
    let fx = Fixture::new();
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/glossary.toml");
    let out = fx
        .satz()
        .args([
            "--glossary",
            shipped,
            "glossary",
            "list",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 20);
    for term in [
        "Sippenhaft",
        "Kanonenfutter",
        "Erbdiktatur",
        "Gesichtsverlust",
        "Schulterschluss",
        "Verteidigungspakt",
        "Hyperschallrakete",
        "Panzerhaubitze",
        "Mehrfachraketenwerfer",
        "Atommacht",
        "Pulverfass",
        "Goldesel",
        "Machterhalt",
        "Sanktion",
    ] {
        assert!(
            text.contains(&format!("{{\"de\":\"{term}\"")),
            "{term} missing"
        );
    }
}

/// Regression (issue 13): `glossary add` on a glossary.toml that is a
/// symbolic link to the team's shared glossary replaced the link with a
/// private copy and left the shared file unchanged (and took the lock
/// beside the link, where other writers of the shared file do not look).
#[cfg(unix)]
#[test]
fn add_through_a_symlink_updates_the_shared_file_and_keeps_the_link() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    let shared = fx.write("shared/team.toml", HAND_EDITED);
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
    std::fs::create_dir(fx.path("project")).unwrap();
    std::os::unix::fs::symlink("../shared/team.toml", fx.path("project/glossary.toml")).unwrap();
    fx.satz()
        .current_dir(fx.path("project"))
        .args(["glossary", "add", "Erbdiktatur", "hereditary dictatorship"])
        .assert()
        .success();
    let link = fx.path("project/glossary.toml");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let text = fx.read("shared/team.toml");
    assert!(text.starts_with(HAND_EDITED), "{text}");
    assert!(text.contains("de = \"Erbdiktatur\""), "{text}");
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664, "the shared file keeps its permissions");
    // The lock lives beside the file written, no temporary file is left.
    assert!(fx.path("shared/.satz.lock").exists());
    let mut names: Vec<String> = std::fs::read_dir(fx.path("shared"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".satz.lock", "team.toml"]);
    // Removing goes through the link too.
    fx.satz()
        .current_dir(fx.path("project"))
        .args(["glossary", "remove", "Erbdiktatur"])
        .assert()
        .success();
    assert_eq!(fx.read("shared/team.toml"), HAND_EDITED);
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
}

/// A glossary.toml that is a link to a file that does not exist is an
/// error naming both, and nothing is created.
#[cfg(unix)]
#[test]
fn add_through_a_dangling_symlink_is_an_error() {
    let fx = Fixture::new();
    std::os::unix::fs::symlink("gone/team.toml", fx.path("glossary.toml")).unwrap();
    fx.satz()
        .args(["glossary", "add", "Erbdiktatur", "hereditary dictatorship"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "glossary.toml: is a symbolic link to gone/team.toml, which does not exist",
        ));
    assert!(!fx.path("gone").exists());
    assert!(
        fx.path("glossary.toml")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
