//! The command-line tool as a user runs it: output, JSON shape (checked against the schemas in
//! `schema/`), exit codes.

use std::path::Path;
use std::process::Command;

fn hulpkompas(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hulpkompas"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, _) = hulpkompas(args);
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The JSON of `args` (a `lookup` or `search` with `--json`), failing unless it matches the
/// command's schema.
fn checked_json(args: &[&str]) -> (i32, serde_json::Value) {
    let (code, v) = json(args);
    let path = root().join(format!("schema/{}.schema.json", args[0]));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("a schema")).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "hulpkompas {}: JSON does not match {}:\n  {}",
        args.join(" "),
        path.display(),
        errors.join("\n  ")
    );
    (code, v)
}

/// The ids of the concepts: the files of `core/data/concepts/`.
fn concept_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("core/data/concepts"))
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".toml").map(String::from)
        })
        .collect();
    ids.sort();
    ids
}

fn sorted(v: &serde_json::Value, key: &str) -> Vec<String> {
    let mut all: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_string())
        .collect();
    all.sort();
    all
}

fn zones(v: &serde_json::Value) -> Vec<&str> {
    v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "eerstelijnszone")
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

fn codes(v: &serde_json::Value) -> Vec<&str> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn every_json_answer_matches_its_schema() {
    for args in [
        &["lookup", "8500", "--json"][..],
        &["lookup", "2000", "--json"],
        &["lookup", "Zwijndrecht", "--json", "--lang", "fr"],
        &["lookup", "1040", "--json"],
        &["lookup", "xyz", "--json"],
        &["lookup", "kort", "--json", "--lang", "en"],
        &["lookup", "4000", "--json"],
        &["lookup", "8500", "--need", "schulden", "--json"],
        &["lookup", "2400", "--json", "--date", "2020-01-01"],
        &[
            "search",
            "mijn partner slaat me",
            "--postcode",
            "9000",
            "--json",
        ],
        &["search", "sans-abri", "--json", "--lang", "fr"],
        &["search", "debt", "--postcode", "85", "--json"],
        &["search", "", "--json"],
    ] {
        checked_json(args);
    }
}

#[test]
fn lookup_json_says_where_kortrijk_is_and_every_concept() {
    let (code, v) = checked_json(&["lookup", "8500", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["outcome"], "found");
    assert_eq!(v["place"]["municipality"]["nis"], "34022");
    assert_eq!(v["place"]["municipality"]["name"], "Kortrijk");
    assert_eq!(zones(&v), ["kortrijk-kuurne-harelbeke"]);
    assert_eq!(sorted(&v["concepts"], "id"), concept_ids());
    assert!(codes(&v).is_empty(), "{:?}", codes(&v));
}

#[test]
fn antwerp_lists_every_candidate_zone() {
    let (_, v) = checked_json(&["lookup", "2000", "--json"]);
    let mut z = zones(&v);
    z.sort_unstable();
    assert_eq!(
        z,
        ["antwerpen-centrum", "antwerpen-zuid", "noord-antwerpen"]
    );
    assert!(codes(&v).contains(&"zone_depends_on_street"));
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let (code, out, err) = hulpkompas(&["lookup", "85"]);
    assert_eq!(code, 2);
    assert!(out.contains("4 cijfers") || err.contains("4 cijfers"));
    let (code, v) = checked_json(&["lookup", "abc", "--json", "--lang", "en"]);
    assert_eq!(code, 2);
    assert_eq!(v["outcome"], "not_a_place");
    assert!(v["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("cannot find"));
    let (code, _, err) = hulpkompas(&["lookup", "8500", "--lang", "de"]);
    assert_eq!(code, 2);
    assert!(err.contains("nl, fr or en"));
}

#[test]
fn outside_flanders_is_an_answer() {
    let (code, v) = checked_json(&["lookup", "4000", "--json"]);
    assert_eq!(code, 0);
    assert!(codes(&v).contains(&"outside_flanders_brussels"));
}

#[test]
fn search_json_ranks_concepts() {
    let (code, v) = checked_json(&["search", "mijn partner slaat me", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(
        v["results"][0]["concept"],
        "fjc-veilig-huis-ketenaanpak-ifg"
    );
    // Without a place, an ended project is still said to be ended.
    let (_, v) = checked_json(&["search", "lokale gezinscoach", "--json"]);
    let coach = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["concept"] == "lokale-gezinscoaches")
        .unwrap();
    assert_eq!(coach["applies"], "ended");
    let (_, v) = checked_json(&["lookup", "8500", "--need", "schulden", "--json"]);
    assert_eq!(v["results"][0]["concept"], "sociaal-huis");
}

#[test]
fn concepts_and_export_list_what_the_data_files_hold() {
    let (code, v) = json(&["concepts", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(sorted(&v["concepts"], "id"), concept_ids());
    let (code, v) = json(&["export", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(sorted(&v["concepts"], "id"), concept_ids());
    // The needs of the vocabulary: each `[[need]]` of needs.toml, with the id on its next line.
    let toml = std::fs::read_to_string(root().join("core/data/needs.toml")).unwrap();
    let lines: Vec<&str> = toml.lines().collect();
    let mut needs: Vec<String> = lines
        .windows(2)
        .filter(|w| w[0].trim() == "[[need]]")
        .map(|w| {
            let id = w[1]
                .trim()
                .strip_prefix("id = ")
                .expect("id after [[need]]");
            id.trim_matches('"').to_string()
        })
        .collect();
    needs.sort();
    assert_eq!(sorted(&v["needs"], "id"), needs);
    let (code, out, _) = hulpkompas(&["concepts", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(out.contains("Maison OverKop"));
}

#[test]
fn plain_text_lookup_reads_well() {
    let (code, out, _) = hulpkompas(&["lookup", "Zwijndrecht"]);
    assert_eq!(code, 0);
    assert!(out.contains("Beveren-Kruibeke-Zwijndrecht"));
    assert!(out.contains("sinds 1 januari 2025"));
}

/// `/dev/full`: every write fails with "no space left on device".
fn full_disk() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux")
        .into()
}

#[test]
fn an_answer_that_cannot_be_written_is_exit_1_with_one_line_never_0() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hulpkompas"))
        .args(["lookup", "8500"])
        .stdout(full_disk())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a lost answer must not exit 0");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("could not write the output"), "{stderr}");
}

#[test]
fn a_stderr_that_cannot_be_written_is_no_abort() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hulpkompas"))
        .args(["lookup", "xyz"])
        .stderr(full_disk())
        .output()
        .unwrap();
    // No place: exit 2, as with a working stderr (not 101 or 134 from a panic).
    assert_eq!(out.status.code(), Some(2));
    let both = std::process::Command::new(env!("CARGO_BIN_EXE_hulpkompas"))
        .args(["data", "check"])
        .stdout(full_disk())
        .stderr(full_disk())
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(1));
}

/// A layer file in a fresh temporary folder.
fn layer_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hulpkompas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn layer_check_names_every_problem_and_exits_2() {
    let example = root().join("layer/example.json");
    let (code, out, _) = hulpkompas(&["layer", "check", example.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with("example.json: 0 problems; 1 offer can be used\n"),
        "{out}"
    );

    let bad = layer_file(
        "bad.json",
        r#"[{"id": "a", "name": "Loket", "organization": {"name": "OCMW Gent"},
            "attributes": [{"taxonomy_term": {"taxonomy": "hulpkompas", "code": "sociaal-huis"}}],
            "service_areas": [{"extent_type": "text", "extent": "9000, 90000"}]},
           {"id": "b", "name": "Loket"}]"#,
    );
    let (code, out, _) = hulpkompas(&["layer", "check", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = out
        .lines()
        .map(|l| l.rsplit("bad.json: ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "[0].service_areas[0].extent: \"90000\" is no Belgian postcode",
            "[1].organization.name: say who gives these facts (the organisation's name); the record is left out",
            "2 problems; 1 offer can be used",
        ]
    );
    let (code, out, _) = hulpkompas(&["layer", "check", "/no/such/layer.json"]);
    assert_eq!(code, 2);
    assert!(out.contains("/no/such/layer.json: cannot read it"), "{out}");
}

#[test]
fn lookup_with_offers_puts_the_organisations_own_first_stop_first() {
    let example = root().join("layer/example.json");
    let args = [
        "lookup",
        "8850",
        "--offers",
        example.to_str().unwrap(),
        "--json",
    ];
    let (code, v) = checked_json(&args);
    assert_eq!(code, 0);
    let first = &v["first_stop"][0];
    assert_eq!(first["provider"], "OCMW Ardooie");
    assert_eq!(first["phone"], "051 74 03 70");
    assert_eq!(first["hours"], "MO,TU,WE,TH,FR 09:00-12:00");
    // Another municipality keeps the built-in answer.
    let (_, v) = checked_json(&[
        "lookup",
        "8500",
        "--offers",
        example.to_str().unwrap(),
        "--json",
    ]);
    assert!(v["first_stop"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["provider"].is_null()));
    // The text shows the week's hours and who gave the facts.
    let (_, out, _) = hulpkompas(&["lookup", "8850", "--offers", example.to_str().unwrap()]);
    assert!(
        out.contains("ma–vr 09:00–12:00") && out.contains("(gegevens van OCMW Ardooie)"),
        "{out}"
    );
    // A broken layer is no broken answer: the built-in data, and the problem on stderr.
    let broken = layer_file("broken.json", "{ not json");
    let (code, out, err) = hulpkompas(&["lookup", "8850", "--offers", broken.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Ardooie") && !out.contains("gegevens van"),
        "{out}"
    );
    assert!(
        err.contains("broken.json: $: this is not valid JSON"),
        "{err}"
    );
}

#[test]
fn hsds_export_and_import_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("hulpkompas-cli-hsds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (code, out, err) = hulpkompas(&["export", "--hsds", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("wrote ") && out.contains(" services, "),
        "{out}"
    );
    let services: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("services.json")).unwrap()).unwrap();
    assert!(services.as_array().unwrap().len() > 100);

    // The specification's own example, with the defaults it lacks, is a layer `layer check` accepts.
    let example = root().join("standards/hsds-3.0/examples/service_full.json");
    let args = [
        "import",
        "--hsds",
        example.to_str().unwrap(),
        "--concept",
        "sociaal-huis",
        "--serves",
        "9000",
    ];
    let (code, layer, err) = hulpkompas(&args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("extent_type \"geojson\" is not read"), "{err}");
    let file = layer_file("imported.json", &layer);
    let (code, out, _) = hulpkompas(&["layer", "check", file.to_str().unwrap()]);
    assert_eq!(
        (code, out.ends_with("0 problems; 1 offer can be used\n")),
        (0, true),
        "{out}"
    );

    let (code, _, err) = hulpkompas(&["import", "--hsds", "/no/such/dir"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/dir"), "{err}");
}
