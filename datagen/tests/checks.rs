//! Data-driven tests of the checks.
//!
//! `fixtures/base/` is a tiny valid data folder. Every other folder in `fixtures/` is a case: its
//! files are laid over a copy of `base` (a `remove.txt` lists base files to delete first), the copy
//! is checked, and the error lines must be exactly those of the case's `expected.txt`.
//! `UPDATE_EXPECT=1 cargo test -p hulpkompas-datagen` rewrites the `expected.txt` files.

use std::path::{Path, PathBuf};

use hulpkompas_datagen::{check, generate, Features};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else if e.file_name() != "expected.txt" && e.file_name() != "remove.txt" {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The case's data folder: `base` with the case laid over it.
fn case_dir(case: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("hulpkompas-datagen-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("base"), &dir);
    let case_src = fixtures().join(case);
    if let Ok(list) = std::fs::read_to_string(case_src.join("remove.txt")) {
        for rel in list.lines().filter(|l| !l.trim().is_empty()) {
            std::fs::remove_file(dir.join(rel.trim())).unwrap();
        }
    }
    if case != "base" {
        copy_dir(&case_src, &dir);
    }
    dir
}

fn lines(dir: &Path) -> String {
    check(dir).iter().map(|e| format!("{e}\n")).collect()
}

#[test]
fn every_fixture_gives_its_expected_errors() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    cases.sort();
    assert!(cases.len() > 10, "{cases:?}");
    let mut failed = Vec::new();
    for case in &cases {
        let dir = case_dir(case);
        let got = lines(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        let expected_path = fixtures().join(case).join("expected.txt");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failed.push(format!("{case}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn only_the_base_and_the_unknown_folder_and_the_new_concept_are_clean() {
    for case in ["base", "unknown-folder", "new-concept"] {
        let dir = case_dir(case);
        assert_eq!(lines(&dir), "", "{case}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_new_concept_file_is_picked_up_in_its_order() {
    let dir = case_dir("new-concept");
    let code = generate(&dir, Features::ALL).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let at = |id: &str| code.find(&format!("Concept {{ id: {id:?}")).unwrap();
    assert!(at("sociaal-huis") < at("overkop"));
    assert!(at("overkop") < at("zorgzame-buurten"));
    // Its offer names concept index 2.
    assert!(code.contains("zb-kortrijk\\t2\\t"), "{code}");
}

#[test]
fn generate_fails_with_the_same_errors_as_check() {
    let dir = case_dir("unknown-area");
    let errors = generate(&dir, Features::ALL).unwrap_err();
    assert_eq!(errors, check(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_real_data_is_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/data");
    let errors: Vec<String> = check(&dir).iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for features in [
        Features::ALL,
        Features {
            details: false,
            sources: false,
            vocabulary: false,
            wallonia_localities: false,
        },
    ] {
        assert!(generate(&dir, features).is_ok());
    }
}
