//! Hardening: what happens when satz is killed, run concurrently, or fed
//! bad input.
//!
//! * crash safety: `import` and `align --save` are SIGKILLed at random
//!   moments (delays from a seeded RNG, between 0 and the measured time of a
//!   full run, and a few while the new file is being written: after its
//!   temporary file appears); `memory/` must then hold exactly the old or
//!   the new file, stay readable, ignore stray `.satz-tmp-*` files, and a
//!   second run must finish the work;
//! * concurrency: writers that run at the same time lose nothing, readers
//!   never see a half-written file, a lock held by a killed process does not
//!   block the next writer;
//! * bad input for every command and for `--glossary`/`--memory`: exit 0 or
//!   2 (never a panic or a signal), an exit-2 message that names the file,
//!   and `memory/` (and the glossary) byte for byte unchanged when the
//!   command failed.
//!
//! The kill, race and bad-input sweeps are `#[ignore]`d as slow (minutes
//! in a debug build on two cores, most of a plain `cargo test`); `.ci/run`
//! runs them with `--include-ignored`, and so does
//! `cargo test -- --include-ignored hardening`. Sizes were chosen for
//! about 25 s in a debug build on two idle cores; with other builds on the
//! machine the sweeps took over four minutes. `SATZ_HARDENING_PAIRS` sets the size of the generated memory
//! for the kill and lock tests (default 20,000 pairs; 50,000 makes those
//! two take about 30 s). A 10 MB line goes to the commands that only read,
//! split or parse it; those that score, align or check text get 1 MB, since
//! a debug build needs 8 to 18 s per command for 10 MB (linear, no hang).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Fixture, fixture, utf16};

// ---------------------------------------------------------------- helpers

/// xorshift64*: a small seeded generator, so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..=max`.
    fn up_to(&mut self, max: u64) -> u64 {
        self.next() % (max + 1)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Pairs in the generated memory (see the module docs).
fn big_pairs() -> usize {
    std::env::var("SATZ_HARDENING_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

/// `n` distinct sentence pairs as TSV, tagged so different files never
/// share a unit.
fn pairs_tsv(tag: &str, n: usize) -> String {
    let mut out = String::with_capacity(n * 110);
    for i in 0..n {
        out.push_str(&format!(
            "Im Jahr {i} schickte {tag} rund {i}'000 Soldaten über die Grenze.\t\
             In the year {i}, {tag} sent around {i},000 soldiers across the border.\n"
        ));
    }
    out
}

/// A `std::process::Command` for satz in the fixture, as `Fixture::satz`
/// sets it up, for the tests that must spawn and kill.
fn satz_command(fx: &Fixture, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_satz"));
    cmd.current_dir(fx.dir.path())
        .env_remove("SATZ_MEMORY")
        .env_remove("SATZ_GLOSSARY")
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::null());
    cmd
}

fn spawn_quiet(fx: &Fixture, args: &[&str]) -> Child {
    satz_command(fx, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn run(fx: &Fixture, args: &[&str]) -> Output {
    satz_command(fx, args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` (recursively) with its bytes; folders as `None`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.insert(p.clone(), None);
                todo.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).ok());
            }
        }
    }
    out
}

/// The units `satz export --format tsv` writes, as lines.
fn exported_lines(fx: &Fixture) -> Vec<String> {
    fx.export_tsv().lines().map(str::to_owned).collect()
}

/// Checks the only TMX file of `memory/` is `name` and that everything else
/// there is satz's own (lock, index, stray temporary files); returns the
/// stray temporary files.
fn only_tmx(fx: &Fixture, name: &str) -> Vec<String> {
    let mut temps = Vec::new();
    for f in fx.memory_files() {
        if f.starts_with(".satz-tmp-") {
            temps.push(f);
        } else {
            assert!(
                f == name || f == ".satz-index",
                "unexpected file memory/{f}"
            );
        }
    }
    temps
}

// ---------------------------------------------------------- crash safety

/// Waits until `memory/` holds a new `.satz-tmp-*` file (one not in
/// `strays`: satz is writing) or the child has ended; true in the first case.
fn wait_for_temp_file(
    fx: &Fixture,
    child: &mut Child,
    strays: &BTreeSet<String>,
    limit: Duration,
) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if fx
            .memory_files()
            .iter()
            .any(|f| f.starts_with(".satz-tmp-") && !strays.contains(f))
        {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    false
}

#[test]
#[ignore = "slow: kills and races; .ci/run runs it"]
fn killed_imports_leave_the_old_or_the_new_memory() {
    let n = big_pairs();
    let old_pairs = 50;
    let fx = Fixture::new();
    fx.write("old.tsv", pairs_tsv("Alt", old_pairs));
    fx.write("big.tsv", pairs_tsv("Neu", n));

    // The old and the new bytes of memory/x.tmx, and the time of a full
    // import under the same conditions as the killed ones.
    fx.satz()
        .args(["import", "old.tsv", "--name", "x"])
        .assert()
        .success();
    let old = std::fs::read(fx.path("memory/x.tmx")).unwrap();
    let started = Instant::now();
    let out = run(&fx, &["import", "big.tsv", "--name", "x"]);
    let full = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    let new = std::fs::read(fx.path("memory/x.tmx")).unwrap();
    assert!(new.len() > old.len());

    let mut rng = Rng::new(0x5A72_0001);
    let (mut saw_old, mut saw_new, mut in_write) = (0, 0, 0);
    let mut temps_seen = BTreeSet::new();
    for i in 0..15 {
        // Back to the old memory (no satz runs now).
        std::fs::write(fx.path("memory/x.tmx"), &old).unwrap();
        let mut child = spawn_quiet(&fx, &["import", "big.tsv", "--name", "x"]);
        let delay = if i < 10 {
            // Anywhere in the run: a delay from 0 to the measured full time.
            let delay = Duration::from_micros(rng.up_to(full.as_micros() as u64));
            std::thread::sleep(delay);
            delay
        } else {
            // While the new file is being written: after its temporary file
            // appears, 0 to 3 ms in.
            let started = Instant::now();
            if wait_for_temp_file(&fx, &mut child, &temps_seen, full * 20) {
                in_write += 1;
            }
            std::thread::sleep(Duration::from_micros(rng.up_to(3_000)));
            started.elapsed()
        };
        let _ = child.kill(); // SIGKILL; it may have finished already
        child.wait().unwrap();

        let now = std::fs::read(fx.path("memory/x.tmx")).unwrap();
        let is_new = if now == old {
            saw_old += 1;
            false
        } else if now == new {
            saw_new += 1;
            true
        } else {
            panic!(
                "iteration {i} (kill after {delay:?}): memory/x.tmx is neither the old nor the new file ({} bytes)",
                now.len()
            );
        };
        temps_seen.extend(only_tmx(&fx, "x.tmx"));
        // Readable, and stray temporary files are not read as memory.
        let expected = old_pairs + if is_new { n } else { 0 };
        assert_eq!(exported_lines(&fx).len(), expected, "iteration {i}");

        if i % 5 == 4 || i == 14 {
            // A second import finishes the work, stray files or not.
            fx.satz()
                .args(["import", "big.tsv", "--name", "x"])
                .assert()
                .success();
            assert_eq!(std::fs::read(fx.path("memory/x.tmx")).unwrap(), new);
            assert_eq!(exported_lines(&fx).len(), old_pairs + n);
        }
    }
    eprintln!(
        "killed imports: {saw_old} left the old file, {saw_new} the new one, \
         {in_write} killed while writing; stray temporary files: {}; full import {full:?}",
        temps_seen.len()
    );
    assert!(in_write > 0, "never caught an import writing");

    // A stray temporary file holding a partial TMX (as a kill during the
    // write leaves) is never read as memory, by any reader.
    fx.write(
        "memory/.satz-tmp-planted",
        new.get(..new.len() / 2).unwrap(),
    );
    fx.write("memory/.satz-tmp-planted.tmx", new.get(..100).unwrap());
    assert_eq!(exported_lines(&fx).len(), old_pairs + n);
    fx.write(
        "q.txt",
        "Im Jahr 7 schickte Neu rund 7'000 Soldaten über die Grenze.\n",
    );
    fx.satz()
        .args(["suggest", "q.txt", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"score\":100"));
}

#[test]
#[ignore = "slow: kills and races; .ci/run runs it"]
fn killed_align_saves_leave_no_or_the_whole_file() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let de = std::fs::read_to_string(examples.join("kim-putin.de.txt")).unwrap();
    let en = std::fs::read_to_string(examples.join("kim-putin.en.txt")).unwrap();
    // Longer documents, so a kill can land anywhere in a run.
    let (de, en) = (de.repeat(3), en.repeat(3));
    let args = [
        "align", "de.txt", "en.txt", "--save", "al", "--format", "beads",
    ];

    let reference = Fixture::new();
    reference.write("de.txt", &de);
    reference.write("en.txt", &en);
    let started = Instant::now();
    reference.satz().args(args).assert().success();
    let full = started.elapsed();
    let saved = std::fs::read(reference.path("memory/al.tmx")).unwrap();
    let units = reference.export_tsv().lines().count();
    eprintln!("align --save: full run {full:?}, {units} units");

    let fx = Fixture::new();
    fx.write("de.txt", &de);
    fx.write("en.txt", &en);
    let mut rng = Rng::new(0x5A72_0002);
    let mut strays = BTreeSet::new();
    for i in 0..6 {
        let _ = std::fs::remove_file(fx.path("memory/al.tmx"));
        let mut child = spawn_quiet(&fx, &args);
        if i < 4 {
            let delay = Duration::from_micros(rng.up_to(full.as_micros() as u64));
            std::thread::sleep(delay);
        } else {
            // While memory/al.tmx is being written.
            wait_for_temp_file(&fx, &mut child, &strays, full * 20);
            std::thread::sleep(Duration::from_micros(rng.up_to(1_000)));
        }
        let _ = child.kill();
        child.wait().unwrap();
        match std::fs::read(fx.path("memory/al.tmx")) {
            Ok(now) => {
                assert_eq!(now, saved, "iteration {i}: a partial memory/al.tmx");
                assert_eq!(fx.export_tsv().lines().count(), units);
            }
            Err(e) => {
                assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
                assert_eq!(fx.export_tsv(), "");
            }
        }
        strays.extend(only_tmx(&fx, "al.tmx"));
    }
    fx.satz().args(args).assert().success();
    assert_eq!(std::fs::read(fx.path("memory/al.tmx")).unwrap(), saved);
}

// ----------------------------------------------------------- concurrency

#[test]
#[ignore = "slow: kills and races; .ci/run runs it"]
fn concurrent_imports_lose_nothing() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(fixture("pairs.tsv"))
        .assert()
        .success();
    let before = exported_lines(&fx);
    let files = [
        ("a", "eins"),
        ("b", "zwei"),
        ("c", "geteilt"),
        ("d", "geteilt"),
    ];
    let mut expected: BTreeSet<String> = before.into_iter().collect();
    for (tag, _) in files {
        let tsv = pairs_tsv(&format!("Gruppe-{tag}"), 2_000);
        expected.extend(tsv.lines().map(str::to_owned));
        fx.write(&format!("{tag}.tsv"), tsv);
    }
    // All four start together: two write their own files, two the same one.
    let children: Vec<Child> = files
        .iter()
        .map(|(tag, name)| {
            satz_command(&fx, &["import", &format!("{tag}.tsv"), "--name", name])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let after: Vec<String> = exported_lines(&fx);
    let got: BTreeSet<String> = after.iter().cloned().collect();
    assert_eq!(after.len(), got.len(), "a unit written twice");
    assert_eq!(got.len(), expected.len());
    assert!(got == expected, "units lost or invented");
    assert_eq!(
        fx.memory_files(),
        ["eins.tmx", "geteilt.tmx", "pairs.tmx", "zwei.tmx"]
    );
}

#[test]
#[ignore = "slow: kills and races; .ci/run runs it"]
fn readers_never_see_a_half_written_file() {
    let fx = Fixture::new();
    fx.satz()
        .arg("import")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("memory/kim-putin.tmx"))
        .assert()
        .success();
    fx.write(
        "q.txt",
        "Kim Jong Un schickt Russland Kanonenfutter. Im Jahr 3 schickte Leser-1 rund 3'000 Soldaten über die Grenze.\n",
    );
    let initial = exported_lines(&fx).len();
    for w in 0..6 {
        fx.write(
            &format!("w{w}.tsv"),
            pairs_tsv(&format!("Leser-{w}"), 1_500),
        );
    }
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            // Six imports, one after the other, into two files: each rewrites
            // a file the readers are reading.
            // The readers stop when `done` is set, so it is set before any
            // assertion can fail.
            let outs: Vec<Output> = (0..6)
                .map(|w| {
                    let name = if w % 2 == 0 { "even" } else { "odd" };
                    run(&fx, &["import", &format!("w{w}.tsv"), "--name", name])
                })
                .collect();
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            for out in outs {
                assert!(out.status.success(), "{}", stderr(&out));
            }
        });
        let exporter = s.spawn(|| {
            let (mut runs, mut last) = (0, initial);
            while !done.load(std::sync::atomic::Ordering::SeqCst) || runs < 2 {
                let out = run(&fx, &["export", "--format", "tsv"]);
                assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
                let n = out.stdout.iter().filter(|&&b| b == b'\n').count();
                assert!(
                    n >= last,
                    "export saw {n} units after {last}: a unit vanished"
                );
                last = n;
                runs += 1;
            }
            runs
        });
        let suggester = s.spawn(|| {
            let mut runs = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) || runs < 2 {
                let out = run(&fx, &["suggest", "q.txt", "--format", "json"]);
                assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
                runs += 1;
            }
            runs
        });
        writer.join().unwrap();
        let (e, q) = (exporter.join().unwrap(), suggester.join().unwrap());
        eprintln!("readers while writing: {e} exports, {q} suggests");
    });
    assert_eq!(exported_lines(&fx).len(), initial + 6 * 1_500);
}

#[test]
fn concurrent_glossary_edits_lose_nothing() {
    let fx = Fixture::new();
    fx.write(
        "glossary.toml",
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml")).unwrap(),
    );
    let before = fx.read("glossary.toml");
    let terms: Vec<String> = (0..6).map(|i| format!("Testbegriff{i}")).collect();
    let children: Vec<Child> = terms
        .iter()
        .map(|t| {
            satz_command(&fx, &["glossary", "add", t, &format!("test term {t}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let after = fx.read("glossary.toml");
    assert!(after.starts_with(&before), "the hand-edited part changed");
    for t in &terms {
        assert_eq!(after.matches(&format!("de = \"{t}\"")).count(), 1, "{t}");
    }
    fx.satz().args(["glossary", "list"]).assert().success();
}

#[test]
#[ignore = "slow: kills and races; .ci/run runs it"]
fn a_lock_held_by_a_killed_process_does_not_block() {
    let fx = Fixture::new();
    // A memory big enough that an import holds the lock for a while: it
    // reads the whole memory under the lock before it writes.
    fx.write("big.tsv", pairs_tsv("Gross", big_pairs()));
    fx.satz()
        .args(["import", "big.tsv", "--name", "big"])
        .assert()
        .success();
    fx.write("small.tsv", pairs_tsv("Klein", 20));
    fx.write("next.tsv", pairs_tsv("Danach", 20));
    fx.write("first.tsv", pairs_tsv("Zuerst", 20));
    let lock_path = fx.path("memory/.satz.lock");
    // How long such an import takes when nothing is in the way.
    let started = Instant::now();
    fx.satz()
        .args(["import", "first.tsv", "--name", "first"])
        .assert()
        .success();
    let unhindered = started.elapsed();

    let mut killed_holding = false;
    for _attempt in 0..5 {
        let mut child = spawn_quiet(&fx, &["import", "small.tsv", "--name", "small"]);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let probe = std::fs::File::options()
                .write(true)
                .open(&lock_path)
                .unwrap();
            match probe.try_lock() {
                Err(std::fs::TryLockError::WouldBlock) => {
                    // The child holds the lock now: kill it there.
                    child.kill().unwrap();
                    killed_holding = true;
                    break;
                }
                Ok(()) => drop(probe), // released on drop
                Err(std::fs::TryLockError::Error(e)) => panic!("{e}"),
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let _ = child.kill();
        child.wait().unwrap();
        if killed_holding {
            break;
        }
    }
    assert!(killed_holding, "never caught the import holding the lock");
    for f in fx.memory_files() {
        assert!(
            ["big.tmx", "first.tmx", "small.tmx"].contains(&f.as_str())
                || f.starts_with(".satz-tmp-"),
            "unexpected memory/{f}"
        );
    }

    // The lock died with the process: the next import neither waits nor fails.
    let started = Instant::now();
    let out = run(&fx, &["import", "next.tsv", "--name", "next"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("waiting for another satz process"),
        "blocked by a dead process's lock: {}",
        stderr(&out)
    );
    assert!(
        took < unhindered * 2 + Duration::from_secs(2),
        "took {took:?}, {unhindered:?} when nothing is in the way"
    );
    let probe = std::fs::File::options()
        .write(true)
        .open(&lock_path)
        .unwrap();
    probe.try_lock().unwrap();
}

// ------------------------------------------------------------- bad input

/// A bad input: a file (or folder) name in the fixture and how to make it.
struct Bad {
    name: &'static str,
    make: Make,
    size: Size,
}

enum Make {
    Bytes(Vec<u8>),
    Folder,
    Unreadable(Vec<u8>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    Small,
    /// [`HUGE`]: for commands that only read, split or parse the line.
    Huge,
    /// [`HUGE_HEAVY`]: for commands that score, align or check it.
    HugeHeavy,
}

/// 10 MB in one line. Commands that score, align or check text get 1 MB:
/// they are linear in it, but in a debug build 10 MB takes each 8 to 18 s.
const HUGE: usize = 10_000_000;
const HUGE_HEAVY: usize = 1_000_000;

fn huge_line(len: usize) -> Vec<u8> {
    let mut s = "Das ist ein sehr langer Satz ohne Ende und ".repeat(len / 43 + 1);
    s.truncate(len);
    s.into_bytes()
}

fn bad_inputs(rng: &mut Rng) -> Vec<Bad> {
    let news = std::fs::read(fixture("news.tmx")).unwrap();
    let gloss = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary.toml")).unwrap();
    let text = "Grüsse aus Zürich. Das ist ein Satz über den Krieg.\n";
    let small = |name, bytes| Bad {
        name,
        make: Make::Bytes(bytes),
        size: Size::Small,
    };
    let mut utf16_cut = utf16(text, true, false);
    utf16_cut.pop();
    vec![
        small("truncated-utf8.txt", b"Gr\xc3".to_vec()), // cut inside the ü
        small(
            "truncated.tmx",
            news.get(..news.len() / 2).unwrap().to_vec(),
        ),
        small(
            "truncated.toml",
            gloss.get(..gloss.len() * 2 / 5).unwrap().to_vec(),
        ),
        small("random.bin", rng.bytes(4096)),
        small(
            "latin1.txt",
            b"Haus\thouse\nGr\xfcsse\tgreetings\n".to_vec(),
        ),
        small("utf16le.txt", utf16(text, true, false)),
        small("utf16be.txt", utf16(text, false, false)),
        small("utf16-cut.txt", utf16_cut),
        small("empty.txt", Vec::new()),
        Bad {
            name: "folder",
            make: Make::Folder,
            size: Size::Small,
        },
        Bad {
            name: "unreadable.txt",
            make: Make::Unreadable(text.as_bytes().to_vec()),
            size: Size::Small,
        },
        Bad {
            name: "huge.txt",
            make: Make::Bytes(huge_line(HUGE)),
            size: Size::Huge,
        },
        Bad {
            name: "huge-1mb.txt",
            make: Make::Bytes(huge_line(HUGE_HEAVY)),
            size: Size::HugeHeavy,
        },
    ]
}

/// Whether file permissions stop this process from reading (they do not
/// for root).
fn permissions_bite(fx: &Fixture) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let p = fx.write("probe.txt", "x");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let bites = std::fs::File::open(&p).is_err();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    bites
}

/// A fixture with a glossary, a memory written by satz (so its lock file
/// exists) and good German and English texts.
fn base_fixture() -> Fixture {
    let fx = Fixture::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fx.write(
        "glossary.toml",
        std::fs::read(root.join("glossary.toml")).unwrap(),
    );
    fx.satz()
        .arg("import")
        .arg(root.join("memory/kim-putin.tmx"))
        .assert()
        .success();
    fx.write(
        "de.txt",
        "Kim Jong Un schickt Russland Kanonenfutter. Das ist gut.\n",
    );
    fx.write(
        "en.txt",
        "Kim Jong Un is sending Russia cannon fodder. That is good.\n",
    );
    fx
}

/// Puts `bad` into the fixture; false when it cannot be bad here (an
/// unreadable file, for root).
fn place(fx: &Fixture, bad: &Bad, bites: bool) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let p = fx.path(bad.name);
    if p.is_dir() {
        std::fs::remove_dir_all(&p).unwrap();
    }
    match &bad.make {
        Make::Bytes(b) => {
            fx.write(bad.name, b);
        }
        Make::Folder => std::fs::create_dir_all(&p).unwrap(),
        Make::Unreadable(b) => {
            if !bites {
                return false;
            }
            fx.write(bad.name, b);
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
    }
    true
}

/// What every run of satz on bad input must do; returns the exit code.
/// `culprit` is the path the message must name on exit 2; `watched` are
/// the paths (folders or files) that must be unchanged when it failed.
fn check_run(fx: &Fixture, args: &[&str], culprit: &str, watched: &[&str]) -> i32 {
    let before: Vec<_> = watched.iter().map(|w| watch(fx, w)).collect();
    let started = Instant::now();
    let out = run(fx, args);
    let took = started.elapsed();
    let err = stderr(&out);
    let Some(code) = out.status.code() else {
        panic!("satz {args:?} died of a signal: {:?}\n{err}", out.status);
    };
    assert!(!err.contains("panicked"), "satz {args:?} panicked:\n{err}");
    let allowed: &[i32] = if args.contains(&"check") {
        &[0, 1, 2]
    } else {
        &[0, 2]
    };
    assert!(
        allowed.contains(&code),
        "satz {args:?} exited {code}:\n{err}"
    );
    if code == 2 {
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("satz: ") && last.contains(culprit),
            "satz {args:?}: the message does not name {culprit}:\n{err}"
        );
    }
    if code != 0 {
        for (w, b) in watched.iter().zip(before) {
            assert!(watch(fx, w) == b, "satz {args:?} failed and changed {w}");
        }
    }
    assert!(
        took < Duration::from_secs(60),
        "satz {args:?} took {took:?}"
    );
    code
}

/// The bytes of a file, or of every file in a folder.
fn watch(fx: &Fixture, rel: &str) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let p = fx.path(rel);
    if p.is_dir() {
        snapshot(&p)
    } else {
        BTreeMap::from([(p.clone(), std::fs::read(&p).ok())])
    }
}

const MEMORY: &[&str] = &["memory", "glossary.toml"];

/// Bad text for every command that reads a text (and for import).
#[test]
#[ignore = "slow: every command on bad input; .ci/run runs it"]
fn bad_text_input_for_every_command() {
    let fx = base_fixture();
    let bites = permissions_bite(&fx);
    let mut rng = Rng::new(0x5A72_0003);
    let mut runs = 0;
    for bad in bad_inputs(&mut rng) {
        if !place(&fx, &bad, bites) {
            eprintln!("{}: skipped (permissions do not bite for root)", bad.name);
            continue;
        }
        let f = bad.name;
        let mut cases: Vec<Vec<&str>> = Vec::new();
        if bad.size != Size::HugeHeavy {
            cases.push(vec!["segment", f]);
            cases.push(vec!["segment", "--lang", "en", f]);
            cases.push(vec!["import", f, "--name", "imported"]);
        }
        if bad.size != Size::Huge {
            cases.push(vec!["align", f, "en.txt", "--format", "beads"]);
            cases.push(vec!["align", "de.txt", f, "--format", "tsv"]);
            cases.push(vec!["align", f, "en.txt", "--save", "aligned"]);
            cases.push(vec!["suggest", f, "--format", "json"]);
            cases.push(vec!["analyze", f, "--format", "csv"]);
            cases.push(vec!["check", f, "en.txt", "--format", "json"]);
            cases.push(vec!["check", "de.txt", f, "--format", "json"]);
        }
        if bad.size == Size::Small {
            cases.push(vec!["suggest", "--segmented", f, "--format", "md"]);
            cases.push(vec!["analyze", "de.txt", f, "--format", "json"]);
            cases.push(vec![
                "align",
                "--segmented",
                f,
                "en.txt",
                "--format",
                "json",
            ]);
        }
        for args in cases {
            check_run(&fx, &args, f, MEMORY);
            runs += 1;
        }
        for m in fx.memory_files() {
            assert!(
                [
                    "kim-putin.tmx",
                    ".satz-index",
                    "imported.tmx",
                    "aligned.tmx"
                ]
                .contains(&m.as_str()),
                "unexpected memory/{m} after {f}"
            );
        }
    }
    // Writing an export over a folder fails and leaves no temporary file.
    let code = check_run(&fx, &["export", "-o", "folder"], "folder", MEMORY);
    assert_eq!(code, 2);
    let strays: Vec<_> = std::fs::read_dir(fx.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".satz-tmp-"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
    // Bad bytes on standard input.
    let mut rng = Rng::new(0x5A72_0006);
    for input in [
        rng.bytes(4096),
        b"Gr\xfcsse\n".to_vec(),
        utf16("Haus\thouse\n", true, false),
    ] {
        for args in [
            vec!["segment", "-"],
            vec!["suggest", "-", "--format", "json"],
            vec!["import", "-", "--name", "stdin"],
        ] {
            let before = snapshot(&fx.path("memory"));
            let out = satz_command(&fx, &args)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .and_then(|mut child| {
                    use std::io::Write;
                    child.stdin.take().unwrap().write_all(&input)?;
                    child.wait_with_output()
                })
                .unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(0 | 2)),
                "satz {args:?} on stdin: {:?}\n{}",
                out.status,
                stderr(&out)
            );
            if code == Some(2) {
                assert!(
                    stderr(&out).starts_with("satz: <stdin>:"),
                    "{}",
                    stderr(&out)
                );
                assert!(
                    snapshot(&fx.path("memory")) == before,
                    "satz {args:?} failed and changed memory/"
                );
            }
            runs += 1;
        }
    }
    eprintln!("bad text input: {runs} runs");
}

/// `--glossary` pointing at bad things, for every command that reads the
/// glossary and for the `glossary` commands; a broken default glossary.toml
/// and a broken segment.toml beside it.
#[test]
#[ignore = "slow: every command on bad input; .ci/run runs it"]
fn bad_glossary_for_every_command() {
    let fx = base_fixture();
    let bites = permissions_bite(&fx);
    let mut rng = Rng::new(0x5A72_0004);
    let mut runs = 0;
    let mut bads: Vec<Bad> = bad_inputs(&mut rng)
        .into_iter()
        .filter(|b| b.size != Size::HugeHeavy)
        .collect();
    for (name, text) in [
        ("wrong-types.toml", "[[term]]\nde = 5\nen = [\"x\"]\n"),
        (
            "duplicate.toml",
            "[[term]]\nde = \"Krieg\"\nen = \"war\"\n[[term]]\nde = \"krieg\"\nen = \"war\"\n",
        ),
    ] {
        bads.push(Bad {
            name,
            make: Make::Bytes(text.as_bytes().to_vec()),
            size: Size::Small,
        });
    }
    for bad in bads {
        if !place(&fx, &bad, bites) {
            continue;
        }
        let f = bad.name;
        let mut cases: Vec<Vec<&str>> = vec![
            vec!["--glossary", f, "glossary", "list", "--format", "json"],
            vec!["--glossary", f, "glossary", "remove", "Krieg"],
            vec![
                "--glossary",
                f,
                "glossary",
                "add",
                "Kriegsrecht",
                "martial law",
            ],
        ];
        if bad.size == Size::Small {
            cases.push(vec![
                "--glossary",
                f,
                "suggest",
                "de.txt",
                "--format",
                "json",
            ]);
            cases.push(vec!["--glossary", f, "check", "--format", "json"]);
            cases.push(vec!["--glossary", f, "check", "de.txt", "en.txt"]);
            cases.push(vec![
                "--glossary",
                f,
                "align",
                "de.txt",
                "en.txt",
                "--format",
                "beads",
            ]);
            cases.push(vec![
                "--glossary",
                f,
                "analyze",
                "de.txt",
                "--format",
                "csv",
            ]);
            cases.push(vec![
                "--glossary",
                f,
                "concordance",
                "Krieg",
                "--format",
                "json",
            ]);
        }
        for args in cases {
            // The glossary itself must be unchanged when an edit fails.
            check_run(&fx, &args, f, &["memory", f]);
            runs += 1;
            // Undo what a successful `glossary add` wrote.
            place(&fx, &bad, bites);
        }
    }

    // The default glossary.toml broken.
    let good = std::fs::read(fx.path("glossary.toml")).unwrap();
    for broken in [
        b"[[term]\nde = \"x\"".to_vec(),
        rng.bytes(2048),
        b"[[term]]\nde = \"Krieg\"\nen = [\"war\"]\nforbiden = [\"x\"]\n".to_vec(),
    ] {
        fx.write("glossary.toml", &broken);
        for args in [
            vec!["glossary", "list"],
            vec!["glossary", "add", "Waffe", "weapon"],
            vec!["glossary", "remove", "Krieg"],
            vec!["suggest", "de.txt", "--format", "json"],
            vec!["check", "de.txt", "en.txt", "--format", "json"],
            vec!["align", "de.txt", "en.txt", "--save", "aligned"],
        ] {
            let code = check_run(&fx, &args, "glossary.toml", MEMORY);
            assert_eq!(code, 2, "satz {args:?} accepted a broken glossary.toml");
            runs += 1;
        }
    }
    fx.write("glossary.toml", &good);

    // A broken segment.toml (user segmentation rules) beside it.
    for broken in [b"[de\nabbrev = ".to_vec(), rng.bytes(512)] {
        fx.write("segment.toml", &broken);
        for args in [
            vec!["segment", "de.txt"],
            vec!["suggest", "de.txt", "--format", "json"],
            vec!["align", "de.txt", "en.txt", "--save", "aligned"],
        ] {
            let code = check_run(&fx, &args, "segment.toml", MEMORY);
            assert_eq!(code, 2, "satz {args:?} accepted a broken segment.toml");
            runs += 1;
        }
    }
    eprintln!("bad glossary: {runs} runs");
}

/// The commands that read (or write) a memory folder `m`.
fn memory_commands(m: &str) -> Vec<Vec<String>> {
    let cmds: [&[&str]; 8] = [
        &["export", "--format", "tsv"],
        &["export", "-o", "out.tmx"],
        &["suggest", "de.txt", "--format", "json"],
        &["analyze", "de.txt", "--format", "json"],
        &["concordance", "Krieg", "--format", "json"],
        &["check", "--format", "json"],
        &["import", "pairs.tsv", "--name", "new"],
        &["align", "de.txt", "en.txt", "--save", "aligned"],
    ];
    cmds.iter()
        .map(|c| {
            ["--memory", m]
                .iter()
                .chain(c.iter())
                .map(|s| (*s).to_owned())
                .collect()
        })
        .collect()
}

fn check_memory_run(fx: &Fixture, args: &[String], culprit: &str, watched: &[&str]) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    check_run(fx, &args, culprit, watched)
}

/// `--memory` pointing at bad things, and memories holding bad files.
#[test]
#[ignore = "slow: every command on bad input; .ci/run runs it"]
fn bad_memory_for_every_command() {
    let fx = base_fixture();
    let bites = permissions_bite(&fx);
    let mut rng = Rng::new(0x5A72_0005);
    let mut runs = 0;
    fx.write("pairs.tsv", std::fs::read(fixture("pairs.tsv")).unwrap());

    // --memory names a file, not a folder: everything fails, naming it.
    for name in ["memfile", "memempty"] {
        fx.write(
            name,
            if name == "memfile" {
                "not a folder"
            } else {
                ""
            },
        );
        for args in memory_commands(name) {
            let code = check_memory_run(&fx, &args, name, &[name, "glossary.toml"]);
            assert_eq!(code, 2, "{args:?}");
            runs += 1;
        }
    }

    // A memory folder holding a good and a bad TMX file: everything that
    // reads the memory fails, naming the bad file, and changes nothing.
    let news = std::fs::read(fixture("news.tmx")).unwrap();
    let news_text = String::from_utf8(news.clone()).unwrap();
    let good = std::fs::read(fx.path("memory/kim-putin.tmx")).unwrap();
    let mut latin1 = news.clone();
    latin1.extend_from_slice(b"\xfc");
    let mut utf16_cut = utf16(&news_text, true, false);
    utf16_cut.truncate(utf16_cut.len() / 2 + 1);
    let bad_tmx: Vec<(&str, Vec<u8>)> = vec![
        ("broken.tmx", std::fs::read(fixture("broken.tmx")).unwrap()),
        (
            "truncated.tmx",
            news.get(..news.len() / 2).unwrap().to_vec(),
        ),
        ("random.tmx", rng.bytes(4096)),
        ("empty.tmx", Vec::new()),
        ("latin1.tmx", latin1),
        ("notxml.tmx", b"Haus\thouse\n".to_vec()),
        ("utf16-cut.tmx", utf16_cut),
    ];
    for (name, bytes) in &bad_tmx {
        let dir = format!("mem-{}", name.trim_end_matches(".tmx"));
        fx.write(&format!("{dir}/kim-putin.tmx"), &good);
        fx.write(&format!("{dir}/{name}"), bytes);
        // The lock file a memory satz has written to holds.
        fx.write(&format!("{dir}/.satz.lock"), "");
        for args in memory_commands(&dir) {
            let code = check_memory_run(&fx, &args, name, &[&dir, "glossary.toml"]);
            assert_eq!(
                code, 2,
                "satz {args:?} accepted a broken memory file {name}"
            );
            runs += 1;
        }
    }
    if bites {
        use std::os::unix::fs::PermissionsExt;
        fx.write("mem-locked/kim-putin.tmx", &good);
        fx.write("mem-locked/.satz.lock", "");
        let p = fx.write("mem-locked/secret.tmx", &news);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        for args in memory_commands("mem-locked") {
            let code = check_memory_run(&fx, &args, "secret.tmx", &["mem-locked"]);
            assert_eq!(code, 2, "{args:?}");
            runs += 1;
        }
    } else {
        eprintln!("unreadable memory file: skipped (permissions do not bite for root)");
    }

    // Odd but fine: a folder named like a TMX file is not a memory file.
    fx.write("mem-odd/kim-putin.tmx", &good);
    std::fs::create_dir_all(fx.path("mem-odd/folder.tmx")).unwrap();
    fx.write("mem-odd/.satz.lock", "");
    for args in memory_commands("mem-odd") {
        let code = check_memory_run(&fx, &args, "mem-odd", &["mem-odd"]);
        assert_eq!(code, 0, "{args:?}");
        runs += 1;
    }
    // A unit with a 10 MB segment.
    let huge_seg = news_text.replace(
        "Kim Jong Un schickt Russland Kanonenfutter.",
        std::str::from_utf8(&huge_line(HUGE)).unwrap(),
    );
    fx.write("mem-huge/huge.tmx", &huge_seg);
    fx.write("mem-huge/.satz.lock", "");
    for args in [
        vec!["--memory", "mem-huge", "export", "--format", "tsv"],
        vec![
            "--memory",
            "mem-huge",
            "concordance",
            "Russland",
            "--format",
            "json",
        ],
        vec![
            "--memory",
            "mem-huge",
            "import",
            "pairs.tsv",
            "--name",
            "new",
        ],
    ] {
        assert_eq!(
            check_run(&fx, &args, "huge.tmx", &["mem-huge"]),
            0,
            "{args:?}"
        );
        runs += 1;
    }
    // A TMX file in UTF-16 without a byte-order mark reads.
    fx.write("mem-utf16/news.tmx", utf16(&news_text, false, false));
    let out = run(&fx, &["--memory", "mem-utf16", "export", "--format", "tsv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
    eprintln!("bad memory: {runs} runs");
}

// ---------------------------------------------------- regression (src/ fix)

/// Regression: UTF-16 without a byte-order mark (README: "UTF-16 (with or
/// without BOM)") was read as UTF-8 with a NUL after every character, so
/// `segment` did not split sentences and `import` warned on every line.
#[test]
fn utf16_without_bom_is_read_as_utf16() {
    let fx = Fixture::new();
    fx.write(
        "le.txt",
        utf16("Hallo Welt. Das ist gut.\n\nZweiter Absatz.\n", true, false),
    );
    fx.write("be.tsv", utf16("Haus\thouse\nKrieg\twar\n", false, false));
    fx.satz()
        .args(["segment", "le.txt"])
        .assert()
        .success()
        .stdout("Hallo Welt.\nDas ist gut.\n\nZweiter Absatz.\n");
    fx.satz()
        .args(["import", "be.tsv", "--name", "u"])
        .assert()
        .success()
        .stderr("be.tsv: 2 imported into memory/u.tmx, 0 duplicates\n");
    assert_eq!(fx.export_tsv(), "Haus\thouse\nKrieg\twar\n");
}

/// Regression: `analyze` opened (and so built and wrote) the memory index
/// before reading its input files, so a bad input failed the command but
/// left a new `memory/.satz-index/` behind.
#[test]
fn analyze_reads_its_inputs_before_writing_the_index() {
    let fx = base_fixture();
    fx.write("latin1.txt", b"Gr\xfcsse aus Z\xfcrich.\n");
    let before = snapshot(&fx.path("memory"));
    fx.satz()
        .args(["analyze", "de.txt", "latin1.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "satz: latin1.txt:1:3: not valid UTF-8",
        ));
    assert!(snapshot(&fx.path("memory")) == before, "memory/ changed");
    assert!(!fx.path("memory/.satz-index").exists());
    fx.satz()
        .args(["analyze", "de.txt", "--format", "csv"])
        .assert()
        .success();
    assert!(fx.path("memory/.satz-index").exists());
}

/// Regression (found by the `tsv_import` fuzz target): a TSV side made only
/// of control characters (here a DOS end-of-file mark) was emptied by the
/// sanitiser after the "both sides present" check, and the unit went into
/// the memory with an empty side.
#[test]
fn a_side_of_only_control_characters_is_skipped() {
    let fx = Fixture::new();
    fx.write("ctrl.tsv", "Haus\t\u{1a}\nKrieg\twar\n\0\0\t\u{1a}\n");
    fx.satz()
        .args(["import", "ctrl.tsv", "--name", "c"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "ctrl.tsv:1: no en text but control characters; skipped",
        ))
        .stderr(predicates::str::contains(
            "1 imported into memory/c.tmx, 0 duplicates, 2 skipped (1 without de, 1 without en)",
        ));
    assert_eq!(fx.export_tsv(), "Krieg\twar\n");
}

/// Regression (found by the `fuzzy` fuzz target): `suggest --min 101`, which
/// the command line accepts, panicked in a debug build (a `debug_assert` in
/// the index search) and in a release build never showed the 101% context
/// matches it asks for.
#[test]
fn suggest_min_101_shows_the_context_matches() {
    let fx = base_fixture();
    let followup = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kim-putin-followup.de.txt");
    let out = fx
        .satz()
        .args(["suggest", "--min", "101", "--format", "json"])
        .arg(&followup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let scores: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["score"].as_u64().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!scores.is_empty(), "no context match found");
    assert!(scores.iter().all(|&s| s == 101), "{scores:?}");
}
