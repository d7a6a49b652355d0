//! The command-line tool as a user runs it: output, JSON shape, exit codes.

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

#[test]
fn lookup_json_has_the_documented_shape() {
    let (code, v) = json(&["lookup", "8500", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["place"]["municipality"]["nis"], "34022");
    assert_eq!(v["place"]["municipality"]["name"], "Kortrijk");
    let zones: Vec<&str> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "eerstelijnszone")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(zones, ["kortrijk-kuurne-harelbeke"]);
    for a in v["areas"].as_array().unwrap() {
        assert!(a["kind"].is_string() && a["id"].is_string() && a["name"].is_string());
    }
    let concepts = v["concepts"].as_array().unwrap();
    assert_eq!(concepts.len(), 15);
    for c in concepts {
        assert!(
            c["id"].is_string()
                && c["applies"].is_string()
                && c["offers"].is_array()
                && c["reason"].is_string()
        );
    }
    assert!(v["diagnostics"].is_array());
}

#[test]
fn antwerp_lists_every_candidate_zone() {
    let (_, v) = json(&["lookup", "2000", "--json"]);
    let zones = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "eerstelijnszone")
        .count();
    assert_eq!(zones, 3);
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "zone_depends_on_street"));
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let (code, out, err) = hulpkompas(&["lookup", "85"]);
    assert_eq!(code, 2);
    assert!(out.contains("4 cijfers") || err.contains("4 cijfers"));
    let (code, v) = json(&["lookup", "abc", "--json", "--lang", "en"]);
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
    let (code, v) = json(&["lookup", "4000", "--json"]);
    assert_eq!(code, 0);
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "outside_flanders_brussels"));
}

#[test]
fn search_json_ranks_concepts() {
    let (code, v) = json(&["search", "mijn partner slaat me", "--json"]);
    assert_eq!(code, 0);
    let r = v["results"].as_array().unwrap();
    assert_eq!(r[0]["concept"], "fjc-veilig-huis-ketenaanpak-ifg");
    assert!(r[0]["score"].is_number());
    assert!(!r[0]["matched"].as_array().unwrap().is_empty());
    // Without a place, an ended project is still said to be ended.
    let (_, v) = json(&["search", "lokale gezinscoach", "--json"]);
    let coach = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["concept"] == "lokale-gezinscoaches")
        .unwrap();
    assert_eq!(coach["applies"], "ended");
    let (_, v) = json(&["lookup", "8500", "--need", "schulden", "--json"]);
    assert_eq!(v["results"][0]["concept"], "sociaal-huis");
}

#[test]
fn concepts_and_export() {
    let (code, v) = json(&["concepts", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["concepts"].as_array().unwrap().len(), 15);
    let (code, v) = json(&["export", "--json"]);
    assert_eq!(code, 0);
    assert!(v["needs"].as_array().unwrap().len() > 10);
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
