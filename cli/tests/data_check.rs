//! `hulpkompas data check [DIR]`.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hulpkompas"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_shipped_data_is_clean() {
    let (code, out) = run(&["data", "check"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "core/data: no errors\n");
}

#[test]
fn errors_are_listed_with_a_summary_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("hulpkompas-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shown = dir.display().to_string();
    let (code, out) = run(&["data", "check", &shown]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let missing = format!("{shown}/geo/municipalities.csv: cannot read");
    assert!(lines.iter().any(|l| l.starts_with(&missing)), "{out}");
    assert_eq!(
        *lines.last().unwrap(),
        format!("{shown}: {} error(s)", lines.len() - 1)
    );
}
