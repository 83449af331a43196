//! Real TMX files written by other tools (`$SATZ_SHARED_DATA/interop/tmx`):
//! each is read with the unit count its PROVENANCE.md gives, or refused as
//! its notes say.

use std::path::Path;

use satz::tm::tmx;

use crate::common::{Fixture, count_before, provenance, shared_data};

/// (file, expected `<tu>` count, refused?) from the PROVENANCE.md table.
fn expectations(dir: &Path) -> Vec<(String, usize, bool)> {
    provenance(dir)
        .into_iter()
        .map(|(file, notes, detected)| {
            let (notes, detected) = (notes.to_lowercase(), detected.to_lowercase());
            let refused = detected.contains("not well-formed")
                || detected.contains("malformed")
                || notes.contains("must be refused")
                || notes.contains("should be refused");
            let n = count_before(&detected, " units/entries")
                .unwrap_or_else(|| panic!("no unit count for {file}: {detected}"));
            (file, n, refused)
        })
        .collect()
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn every_interop_tmx_reads_with_its_unit_count() {
    let data = shared_data();
    let dir = data.join("interop/tmx");
    let expected = expectations(&dir);
    assert!(
        expected.len() >= 30,
        "PROVENANCE.md lists {} files",
        expected.len()
    );
    for (file, n, refused) in expected {
        let path = dir.join(&file);
        let bytes = std::fs::read(&path).unwrap();
        let result = satz::fsx::decode(&bytes, &path).and_then(|text| tmx::read_all(&text, &path));
        match (result, refused) {
            (Ok((_, units)), false) => assert_eq!(units.len(), n, "{file}"),
            (Err(e), true) => assert!(e.to_string().contains(&file), "{e}"),
            (Ok(_), true) => panic!("{file} should be refused"),
            (Err(e), false) => panic!("{file}: {e}"),
        }
    }
}

#[test]
#[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
fn interop_files_round_trip_through_import_and_export() {
    let data = shared_data();
    let dir = data.join("interop/tmx");
    for (file, _, refused) in expectations(&dir) {
        if refused {
            continue;
        }
        let path = dir.join(&file);
        let text = satz::fsx::decode(&std::fs::read(&path).unwrap(), &path).unwrap();
        let (_, units) = tmx::read_all(&text, &path).unwrap();
        // The pair: the first two distinct languages of the first unit with two.
        let Some(langs) = units.iter().find_map(|u| {
            let mut l: Vec<String> = u.variants.iter().map(|v| v.lang.clone()).collect();
            l.dedup();
            (l.len() >= 2).then_some(l)
        }) else {
            continue;
        };
        let fx = Fixture::new();
        let pair = ["--source-lang", &langs[0], "--target-lang", &langs[1]];
        fx.satz()
            .args(pair)
            .arg("import")
            .arg(&path)
            .args(["--name", "a"])
            .assert()
            .success();
        let out = fx
            .satz()
            .args(pair)
            .args(["export", "--format", "tmx"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}");
        fx.write("exported.tmx", &out.stdout);
        let fx2 = Fixture::new();
        fx2.satz()
            .args(pair)
            .arg("import")
            .arg(fx.path("exported.tmx"))
            .assert()
            .success();
        let again = fx2
            .satz()
            .args(pair)
            .args(["export", "--format", "tmx"])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8(again.stdout).unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            "{file}"
        );
    }
}
