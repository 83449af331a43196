//! The test fixture: a temporary working folder with a `memory/`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A temporary working folder; `satz` runs inside it.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// `satz` with the fixture as working folder and no user settings.
    pub fn satz(&self) -> Command {
        let mut cmd = Command::cargo_bin("satz").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("SATZ_MEMORY")
            .env_remove("SATZ_GLOSSARY")
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Names of the files in `memory/`, sorted (lock file excluded).
    pub fn memory_files(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.path("memory")) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".satz.lock")
            .collect();
        names.sort();
        names
    }

    /// Runs `satz export --format tsv` and returns stdout.
    pub fn export_tsv(&self) -> String {
        succeed(self.satz().args(["export", "--format", "tsv"])).0
    }
}

/// Runs `cmd`, asserts that it succeeded (showing its stderr when not),
/// and returns its stdout and stderr.
pub fn succeed(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A file of the project's own test fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The shared real-world data folder named by `SATZ_SHARED_DATA`.
///
/// Tests that call this are `#[ignore = "needs SATZ_SHARED_DATA ..."]`, so
/// a plain `cargo test` lists them as ignored; `.ci/run` sets the variable
/// and runs them with `--include-ignored`. Run without the variable, they
/// fail here instead of passing without having looked at the data.
pub fn shared_data() -> PathBuf {
    let Some(p) = std::env::var_os("SATZ_SHARED_DATA") else {
        panic!("this test reads the shared data: set SATZ_SHARED_DATA (.ci/run sets it)");
    };
    let p = PathBuf::from(p);
    assert!(
        p.is_dir(),
        "SATZ_SHARED_DATA={} is not a folder",
        p.display()
    );
    p
}

/// UTF-16 bytes of a string, with or without BOM.
pub fn utf16(s: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little_endian {
            &[0xFF, 0xFE]
        } else {
            &[0xFE, 0xFF]
        });
    }
    for unit in s.encode_utf16() {
        out.extend_from_slice(&if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// The rows of a PROVENANCE.md table: (file, notes, detected).
pub fn provenance(dir: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(dir.join("PROVENANCE.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (
                cells[1].trim_matches('`').to_owned(),
                cells[7].to_owned(),
                cells[8].to_owned(),
            )
        })
        .collect()
}

/// The number written right before `what` in a cell ("25 units/entries").
pub fn count_before(cell: &str, what: &str) -> Option<usize> {
    let at = cell.find(what)?;
    let digits: String = cell[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}
