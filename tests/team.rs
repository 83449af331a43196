//! Git as the team's store (issue 16): two clones of one bare repository
//! add units and terms, and the real `git` merges them with satz's merge
//! drivers (`satz init`), or without them.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// A bare repository `origin.git`, seeded with a satz folder, and clones.
struct Desk {
    dir: TempDir,
    config: PathBuf,
}

const SEED_GLOSSARY: &str = "\
# The desk's glossary: one term per block, comments welcome.
[glossary]
source_lang = \"de\"
target_lang = \"en\"

# Nazi-era legal term, still used for North Korea.
[[term]]
de = \"Sippenhaft\"
en = \"collective punishment\"   # the one we use
";

impl Desk {
    /// The bare repository and a first commit: `satz init`, a glossary with
    /// comments and `memory/news.tmx` with 5 units.
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("gitconfig");
        std::fs::write(&config, "").unwrap();
        let desk = Desk { dir, config };
        desk.git(
            desk.dir.path(),
            &["init", "--bare", "-b", "main", "origin.git"],
        );
        let seed = desk.clone_as("seed");
        desk.satz(&seed, &["init"]);
        std::fs::write(seed.join("glossary.toml"), SEED_GLOSSARY).unwrap();
        desk.import(&seed, "base", 0..5);
        desk.git(&seed, &["add", "-A"]);
        desk.git(&seed, &["commit", "-qm", "seed"]);
        desk.git(&seed, &["push", "-q", "origin", "main"]);
        desk
    }

    fn clone_as(&self, name: &str) -> PathBuf {
        self.git(self.dir.path(), &["clone", "-q", "origin.git", name]);
        self.dir.path().join(name)
    }

    fn git_output(&self, dir: &Path, args: &[&str]) -> Output {
        std::process::Command::new("git")
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", &self.config)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "advice.mergeConflict=false",
            ])
            .args(args)
            .output()
            .unwrap()
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_output(dir, args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn satz_cmd(&self, dir: &Path) -> Command {
        let mut cmd = Command::cargo_bin("satz").unwrap();
        cmd.current_dir(dir)
            .env_remove("SATZ_MEMORY")
            .env_remove("SATZ_GLOSSARY")
            .env("NO_COLOR", "1");
        cmd
    }

    fn satz(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.satz_cmd(dir).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "satz {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Imports units `who i` for `i` in `range` into `memory/news.tmx`.
    fn import(&self, dir: &Path, who: &str, range: std::ops::Range<usize>) {
        let mut tsv = String::new();
        for i in range {
            tsv.push_str(&format!(
                "{who} {i}: Der Bundesrat hat am Montag {i} neue Massnahmen beschlossen.\t\
                 {who} {i}: On Monday the Federal Council decided on {i} new measures.\n"
            ));
        }
        let file = dir.join(format!("{who}.tsv"));
        std::fs::write(&file, tsv).unwrap();
        self.satz(dir, &["import", file.to_str().unwrap(), "--name", "news"]);
        std::fs::remove_file(file).unwrap();
    }

    /// A small document pair of `n` sentences, aligned and saved into
    /// `memory/desk.tmx`.
    fn align_save(&self, dir: &Path, who: &str, n: usize) {
        let (mut de, mut en) = (String::new(), String::new());
        for i in 0..n {
            let k = 1000 + i * 37;
            de.push_str(&format!(
                "Die Regierung in Bern hat {who} zufolge am Dienstag {k} Franken für die Schulen der Stadt bewilligt.\n\n"
            ));
            en.push_str(&format!(
                "According to {who}, the government in Bern approved {k} francs for the city's schools on Tuesday.\n\n"
            ));
        }
        let tmp = self.dir.path().join(format!("{who}-doc"));
        std::fs::create_dir_all(&tmp).unwrap();
        std::fs::write(tmp.join("a.de.txt"), de).unwrap();
        std::fs::write(tmp.join("a.en.txt"), en).unwrap();
        let (de, en) = (tmp.join("a.de.txt"), tmp.join("a.en.txt"));
        self.satz(
            dir,
            &[
                "align",
                de.to_str().unwrap(),
                en.to_str().unwrap(),
                "--save",
                "desk",
            ],
        );
    }

    fn export(&self, dir: &Path) -> Vec<String> {
        let out = self.satz(dir, &["export", "--format", "tsv"]);
        let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    }

    fn commit(&self, dir: &Path, message: &str) {
        self.git(dir, &["add", "-A"]);
        self.git(dir, &["commit", "-qm", message]);
    }
}

/// Alice and Bob each add 100 units to `memory/news.tmx` and
/// `memory/desk.tmx` (new on both sides) and 3 glossary terms.
fn two_translators(desk: &Desk) -> (PathBuf, PathBuf) {
    let alice = desk.clone_as("alice");
    let bob = desk.clone_as("bob");
    for (dir, who, terms) in [
        (
            &alice,
            "Alice",
            [
                ("Kanonenfutter", "cannon fodder"),
                ("Erbdiktatur", "hereditary dictatorship"),
                ("Hyperschallrakete", "hypersonic missile"),
            ],
        ),
        (
            &bob,
            "Bob",
            [
                ("Waffenstillstand", "ceasefire"),
                ("Bundesrat", "Federal Council"),
                ("Schuldenbremse", "debt brake"),
            ],
        ),
    ] {
        desk.satz(dir, &["init"]);
        desk.import(dir, who, 0..88);
        desk.align_save(dir, who, 12);
        for (de, en) in terms {
            desk.satz(
                dir,
                &[
                    "glossary",
                    "add",
                    de,
                    en,
                    "--note",
                    &format!("added by {who}"),
                ],
            );
        }
        desk.commit(dir, &format!("{who}'s work"));
    }
    (alice, bob)
}

fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut all: Vec<String> = a.iter().chain(b).cloned().collect();
    all.sort();
    all.dedup();
    all
}

fn team_merge(rebase: bool) {
    let desk = Desk::new();
    let (alice, bob) = two_translators(&desk);
    let expected = union(&desk.export(&alice), &desk.export(&bob));
    assert_eq!(expected.len(), 5 + 2 * 100, "{expected:#?}");
    desk.git(&alice, &["push", "-q", "origin", "main"]);
    desk.git(&bob, &["push", "-q", "origin", "main:bob"]);
    let how = if rebase { "--rebase" } else { "--no-rebase" };
    desk.git(&bob, &["pull", "-q", how, "--no-edit", "origin", "main"]);
    assert_eq!(desk.export(&bob), expected);
    let glossary = std::fs::read_to_string(bob.join("glossary.toml")).unwrap();
    assert!(glossary.starts_with(SEED_GLOSSARY), "{glossary}");
    for de in [
        "Kanonenfutter",
        "Erbdiktatur",
        "Hyperschallrakete",
        "Waffenstillstand",
        "Bundesrat",
        "Schuldenbremse",
    ] {
        assert!(
            glossary.contains(&format!("de = \"{de}\"")),
            "{de}: {glossary}"
        );
    }
    desk.satz(&bob, &["glossary", "list"]);
    assert_eq!(desk.git(&bob, &["status", "--porcelain"]), "");
    if !rebase {
        // Alice merges Bob's work the other way round: the same bytes.
        desk.git(
            &alice,
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "bob"],
        );
        for file in ["memory/news.tmx", "memory/desk.tmx", "glossary.toml"] {
            let (a, b) = (
                std::fs::read(alice.join(file)).unwrap(),
                std::fs::read(bob.join(file)).unwrap(),
            );
            assert!(a == b, "{file} differs by merge order");
        }
        assert_eq!(desk.git(&alice, &["status", "--porcelain"]), "");
    }
}

#[test]
fn two_translators_merge_without_conflict() {
    team_merge(false);
}

#[test]
fn two_translators_rebase_without_conflict() {
    team_merge(true);
}

#[test]
fn the_same_term_changed_on_both_sides_is_a_conflict_satz_names() {
    let desk = Desk::new();
    let alice = desk.clone_as("alice");
    let bob = desk.clone_as("bob");
    for (dir, en) in [(&alice, "kin liability"), (&bob, "clan liability")] {
        desk.satz(dir, &["init"]);
        desk.satz(dir, &["glossary", "add", "Sippenhaft", en]);
        desk.commit(dir, en);
    }
    desk.git(&alice, &["push", "-q", "origin", "main"]);
    let out = desk.git_output(
        &bob,
        &["pull", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("CONFLICT (content): Merge conflict in glossary.toml"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("term \"Sippenhaft\" changed on both sides (en differ)"),
        "{stderr}"
    );
    let glossary = std::fs::read_to_string(bob.join("glossary.toml")).unwrap();
    assert!(
        glossary.contains("kin liability") && glossary.contains("clan liability"),
        "{glossary}"
    );
    desk.satz_cmd(&bob)
        .args(["glossary", "list"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "glossary.toml:6:1: unresolved merge conflict: git conflict marker <<<<<<< at lines 6-16 (ours: term \"Sippenhaft\" changed on both sides (en differ)",
        ));
}

#[test]
fn without_the_drivers_git_conflicts_and_satz_refuses_the_file() {
    let desk = Desk::new();
    let alice = desk.clone_as("alice");
    let bob = desk.clone_as("bob");
    desk.satz(&alice, &["init"]);
    // Bob never ran `satz init`: .gitattributes names drivers his git lacks.
    for (dir, who) in [(&alice, "Alice"), (&bob, "Bob")] {
        desk.import(dir, who, 0..100);
        desk.commit(dir, who);
    }
    let expected = union(&desk.export(&alice), &desk.export(&bob));
    desk.git(&alice, &["push", "-q", "origin", "main"]);
    let out = desk.git_output(
        &bob,
        &["pull", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert!(
        !out.status.success(),
        "a line merge of two appends conflicts"
    );
    let tmx = std::fs::read_to_string(bob.join("memory/news.tmx")).unwrap();
    let marker = tmx.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    desk.satz_cmd(&bob)
        .args(["export", "--format", "tsv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(format!(
            "memory/news.tmx:{marker}: unresolved merge conflict"
        )));
    // Nothing lost: after `satz init` the same merge goes through.
    desk.git(&bob, &["merge", "--abort"]);
    desk.satz(&bob, &["init"]);
    desk.git(
        &bob,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert_eq!(desk.export(&bob), expected);
}

#[test]
fn init_creates_what_is_missing_and_is_idempotent() {
    let desk = Desk::new();
    let carol = desk.clone_as("carol");
    let first = desk.satz(&carol, &["init"]);
    assert!(
        first.contains("kept     glossary.toml (already there)"),
        "{first}"
    );
    assert!(first.contains("updated  merge drivers"), "{first}");
    let again = desk.satz(&carol, &["init"]);
    assert!(
        !again.contains("created") && !again.contains("updated"),
        "{again}"
    );
    let driver = desk.git(&carol, &["config", "merge.satz-tmx.driver"]);
    assert!(
        driver.trim_end().ends_with(" merge-driver tmx %O %A %B %P"),
        "{driver}"
    );
    let fresh = desk.dir.path().join("fresh");
    let out = desk.satz(
        desk.dir.path(),
        &["--target-lang", "en-GB", "init", "fresh"],
    );
    assert!(
        out.contains("created  glossary.toml (de -> en-GB)"),
        "{out}"
    );
    assert!(out.contains("note     not in a git repository"), "{out}");
    assert!(
        std::fs::read_to_string(fresh.join("glossary.toml"))
            .unwrap()
            .contains("en-GB")
    );
    assert!(fresh.join("memory").is_dir());
    assert_eq!(desk.git(&carol, &["status", "--porcelain"]), "");
}

/// `n` synthetic units `prefix i` as a TSV file in `dir`.
fn tsv_file(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    let mut tsv = String::with_capacity(n * 120);
    for i in 0..n {
        tsv.push_str(&format!(
            "{prefix} {i}: Die Zeitung meldet {i} neue Fälle aus dem Kanton.\t\
             {prefix} {i}: The paper reports {i} new cases from the canton.\n"
        ));
    }
    let path = dir.join(format!("{prefix}.tsv"));
    std::fs::write(&path, tsv).unwrap();
    path
}

/// Lines added and removed in the working tree, from `git diff --numstat`.
fn numstat(desk: &Desk, dir: &Path) -> (usize, usize) {
    let out = desk.git(dir, &["diff", "--numstat"]);
    out.lines().fold((0, 0), |(a, d), line| {
        let mut f = line.split('\t');
        let added: usize = f.next().unwrap().parse().unwrap();
        let deleted: usize = f.next().unwrap().parse().unwrap();
        (a + added, d + deleted)
    })
}

#[test]
#[ignore = "slow: a 200,000-unit memory in git (BENCHMARKS.md measures a million)"]
fn fifty_units_into_a_big_memory_change_only_their_lines() {
    let desk = Desk::new();
    let seed = desk.dir.path().join("seed");
    desk.git(&seed, &["pull", "-q", "origin", "main"]);
    let big = tsv_file(desk.dir.path(), "big", 200_000);
    desk.satz(&seed, &["import", big.to_str().unwrap(), "--name", "big"]);
    desk.commit(&seed, "a big memory");
    desk.git(&seed, &["push", "-q", "origin", "main"]);
    let (alice, bob) = (desk.clone_as("alice"), desk.clone_as("bob"));
    for (dir, who) in [(&alice, "alice"), (&bob, "bob")] {
        desk.satz(dir, &["init"]);
        let fifty = tsv_file(desk.dir.path(), who, 50);
        desk.satz(dir, &["import", fifty.to_str().unwrap(), "--name", "big"]);
        // 50 units of 8 lines each, spliced in; nothing else moves.
        assert_eq!(numstat(&desk, dir), (400, 0), "{who}");
        desk.commit(dir, who);
    }
    desk.git(&alice, &["push", "-q", "origin", "main"]);
    desk.git(
        &bob,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    // The merge commit brings Bob exactly Alice's 50 units.
    let stat = desk.git(
        &bob,
        &[
            "diff",
            "--numstat",
            "HEAD^1",
            "HEAD",
            "--",
            "memory/big.tmx",
        ],
    );
    assert_eq!(stat.trim(), "400\t0\tmemory/big.tmx");
    assert_eq!(desk.export(&bob).len(), 5 + 200_000 + 100);
}

#[test]
fn the_glossary_driver_refuses_terms_it_would_fold_together() {
    let fx = crate::common::Fixture::new();
    let base = "[glossary]\nsource_lang = \"de\"\ntarget_lang = \"en\"\n\n\
                [[term]]\nde = \"Arm\"\nen = [\"arm\"]\ncase_sensitive = true\n\n\
                [[term]]\nde = \"arm\"\nen = [\"poor\"]\ncase_sensitive = true\n";
    fx.write("base.toml", base);
    fx.write(
        "ours.toml",
        format!("{base}\n[[term]]\nde = \"Kanzler\"\nen = [\"chancellor\"]\n"),
    );
    fx.write(
        "theirs.toml",
        format!("{base}\n[[term]]\nde = \"Wahl\"\nen = [\"election\"]\n"),
    );
    let before = fx.read("ours.toml");
    fx.satz()
        .args([
            "merge-driver",
            "glossary",
            "base.toml",
            "ours.toml",
            "theirs.toml",
            "glossary.toml",
        ])
        .assert()
        .code(2);
    assert_eq!(
        fx.read("ours.toml"),
        before,
        "ours left for git to report a conflict"
    );
}
