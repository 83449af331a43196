//! `satz completions SHELL` and `satz man [COMMAND]`

use predicates::prelude::*;

use crate::common::Fixture;

/// Every command satz has, as `satz --help` lists them.
const COMMANDS: [&str; 12] = [
    "segment",
    "align",
    "import",
    "export",
    "suggest",
    "analyze",
    "concordance",
    "check",
    "glossary",
    "terms",
    "completions",
    "man",
];

fn stdout(fx: &Fixture, args: &[&str]) -> String {
    let out = fx.satz().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_every_shell_name_every_command() {
    let fx = Fixture::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&fx, &["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        // Options (fish writes them `-l memory`) complete too.
        for word in ["memory", "source-lang", "no-language-check", "min-score"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let bash = stdout(&fx, &["completions", "bash"]);
    assert!(bash.contains("complete -F _satz"));
    assert!(stdout(&fx, &["completions", "zsh"]).starts_with("#compdef satz"));
    // The bash script is valid bash.
    let script = fx.write("satz.bash", &bash);
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output();
    if let Ok(check) = check {
        assert!(check.status.success(), "{check:?}");
    }
}

#[test]
fn completions_for_an_unknown_shell_are_bad_usage() {
    let fx = Fixture::new();
    fx.satz()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: bash, elvish, fish, powershell, zsh",
        ));
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let fx = Fixture::new();
    let page = stdout(&fx, &["man"]);
    assert!(page.contains(".TH satz 1"), "{page}");
    assert!(page.contains(".SH NAME\nsatz \\- translation memory and glossary"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for command in COMMANDS {
        assert!(page.contains(&format!("satz\\-{command}(1)")), "{command}");
    }
    // The global options, as --help has them.
    assert!(page.contains("\\fB\\-\\-source\\-lang\\fR"));
}

#[test]
fn a_command_has_its_own_man_page() {
    let fx = Fixture::new();
    let page = stdout(&fx, &["man", "align"]);
    assert!(page.contains(".TH satz-align 1"), "{page}");
    assert!(page.contains("satz\\-align \\- Align a German text with its English translation"));
    assert!(page.contains("\\-\\-save"));
    let glossary = stdout(&fx, &["man", "glossary"]);
    for sub in ["list", "add", "remove", "import", "export"] {
        assert!(
            glossary.contains(&format!("satz\\-glossary\\-{sub}(1)")),
            "{sub}"
        );
    }
    fx.satz()
        .args(["man", "frobnicate"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "satz: no command 'frobnicate' to show a page for; satz has segment, align,",
        ));
}
