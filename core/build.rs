//! Compiles the data in `data/` into static Rust tables (`$OUT_DIR/data.rs`).
//!
//! The build is where data errors surface: every problem is reported as `file:line: what is wrong`
//! and fails the build. Nothing here ends up in the program but the generated tables, so the widget
//! carries no CSV or TOML parser.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The same folding the lookups use: the name index is built here, sorted, once.
#[path = "src/text.rs"]
#[allow(dead_code)]
mod text;

type Row = HashMap<String, String>;

struct Errors(Vec<String>);

impl Errors {
    fn push(&mut self, at: &str, msg: impl AsRef<str>) {
        self.0.push(format!("{at}: {}", msg.as_ref()));
    }
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo:rerun-if-changed=data");
    let mut errors = Errors(Vec::new());
    let code = generate(&dir, &mut errors);
    if !errors.0.is_empty() {
        for e in &errors.0 {
            println!("cargo:warning={e}");
        }
        eprintln!("\nThe data in core/data has {} error(s):", errors.0.len());
        for e in &errors.0 {
            eprintln!("  {e}");
        }
        std::process::exit(1);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("data.rs");
    std::fs::write(out, code).unwrap();
}

/// Reads a CSV file into rows keyed by header, each with its line number (`file:line`).
fn read_csv(path: &Path, errors: &mut Errors) -> Vec<(String, Row)> {
    let name = display(path);
    let mut reader = match csv::ReaderBuilder::new().from_path(path) {
        Ok(r) => r,
        Err(e) => {
            errors.push(&name, format!("cannot read: {e}"));
            return Vec::new();
        }
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            errors.push(&name, format!("bad header: {e}"));
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for rec in reader.records() {
        match rec {
            Ok(rec) => {
                let line = rec.position().map(|p| p.line()).unwrap_or(0);
                let at = format!("{name}:{line}");
                if rec.len() != headers.len() {
                    errors.push(
                        &at,
                        format!("{} fields, the header has {}", rec.len(), headers.len()),
                    );
                    continue;
                }
                let row = headers
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(|s| s.trim().to_string()))
                    .collect();
                rows.push((at, row));
            }
            Err(e) => errors.push(&name, format!("{e}")),
        }
    }
    rows
}

fn require_columns(
    path: &Path,
    rows: &[(String, Row)],
    cols: &[&str],
    errors: &mut Errors,
) -> bool {
    if let Some((_, row)) = rows.first() {
        for c in cols {
            if !row.contains_key(*c) {
                errors.push(&display(path), format!("missing column `{c}`"));
                return false;
            }
        }
    }
    true
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    match s.find("/data/") {
        Some(i) => format!("core{}", &s[i..]),
        None => s.into_owned(),
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_lit(s: &str) -> String {
    if s.is_empty() {
        "None".into()
    } else {
        format!("Some({s:?})")
    }
}

/// Texts for professionals, compiled in only with the `details` feature (see core/Cargo.toml).
fn detail(s: &str) -> &str {
    if std::env::var_os("CARGO_FEATURE_DETAILS").is_some() {
        s
    } else {
        ""
    }
}

/// `Westkust&Polder` → `westkust-polder`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

fn date_lit(s: &str) -> Option<String> {
    let mut it = s.split('-');
    let y: u16 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let d: u8 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("Date {{ year: {y}, month: {m}, day: {d} }}"))
}

struct Geo {
    muni_index: HashMap<String, usize>,
    province_index: HashMap<String, usize>,
    arr_index: HashMap<String, usize>,
    judicial_index: HashMap<String, usize>,
    zone_index: HashMap<String, usize>,
}

fn generate(dir: &Path, errors: &mut Errors) -> String {
    let mut code = String::new();
    code.push_str("// @generated by core/build.rs from core/data — do not edit.\n\n");
    let geo = generate_geo(dir, errors, &mut code);
    let concepts = generate_concepts(dir, errors, &mut code);
    generate_offers(dir, &geo, &concepts, errors, &mut code);
    generate_needs(dir, &concepts, errors, &mut code);
    code
}

fn is_region(s: &str) -> bool {
    matches!(s, "Flanders" | "Brussels" | "Wallonia")
}

fn generate_geo(dir: &Path, errors: &mut Errors, code: &mut String) -> Geo {
    let geo_dir = dir.join("geo");

    // Municipalities, provinces, arrondissements, judicial arrondissements.
    let path = geo_dir.join("municipalities.csv");
    let munis = read_csv(&path, errors);
    require_columns(
        &path,
        &munis,
        &[
            "municipality_nis",
            "name_nl",
            "name_fr",
            "region",
            "province_nis",
            "province_nl",
            "province_fr",
            "arrondissement_nis",
            "arrondissement_nl",
            "arrondissement_fr",
            "judicial_arrondissement_id",
            "judicial_arrondissement_nl",
            "judicial_arrondissement_fr",
        ],
        errors,
    );
    let mut munis: Vec<_> = munis;
    munis.sort_by(|a, b| a.1["municipality_nis"].cmp(&b.1["municipality_nis"]));
    let mut provinces: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut arrs: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut judicials: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut muni_index = HashMap::new();
    for (i, (at, r)) in munis.iter().enumerate() {
        let nis = &r["municipality_nis"];
        if nis.len() != 5 || !nis.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(
                at,
                format!("municipality_nis `{nis}` is not a 5-digit NIS code"),
            );
        }
        if muni_index.insert(nis.clone(), i).is_some() {
            errors.push(at, format!("duplicate municipality {nis}"));
        }
        if !is_region(&r["region"]) {
            errors.push(at, format!("unknown region `{}`", r["region"]));
        }
        if !r["province_nis"].is_empty() {
            provinces.insert(
                r["province_nis"].clone(),
                (r["province_nl"].clone(), r["province_fr"].clone()),
            );
        }
        arrs.insert(
            r["arrondissement_nis"].clone(),
            (
                r["arrondissement_nl"].clone(),
                r["arrondissement_fr"].clone(),
            ),
        );
        judicials.insert(
            r["judicial_arrondissement_id"].clone(),
            (
                r["judicial_arrondissement_nl"].clone(),
                r["judicial_arrondissement_fr"].clone(),
            ),
        );
    }
    let province_index: HashMap<String, usize> = provinces
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let arr_index: HashMap<String, usize> = arrs
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let judicial_index: HashMap<String, usize> = judicials
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();

    // Zones and zorgraden.
    let path = geo_dir.join("elz.csv");
    let elz = read_csv(&path, errors);
    require_columns(
        &path,
        &elz,
        &["elz_name", "municipality_nis", "partial"],
        errors,
    );
    let mut zone_names: BTreeMap<String, String> = BTreeMap::new(); // id -> name
    let mut muni_zones: HashMap<String, Vec<String>> = HashMap::new();
    for (at, r) in &elz {
        let id = slug(&r["elz_name"]);
        if id.is_empty() {
            errors.push(at, "empty elz_name");
            continue;
        }
        zone_names.insert(id.clone(), r["elz_name"].clone());
        if !muni_index.contains_key(&r["municipality_nis"]) {
            errors.push(
                at,
                format!("unknown municipality NIS code `{}`", r["municipality_nis"]),
            );
        }
        let zones = muni_zones.entry(r["municipality_nis"].clone()).or_default();
        if !zones.is_empty() && r["partial"] != "yes" {
            errors.push(
                at,
                format!(
                    "municipality {} is in more than one zone but not marked partial",
                    r["municipality_nis"]
                ),
            );
        }
        zones.push(id);
    }
    let zone_index: HashMap<String, usize> = zone_names
        .keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let mut zorgraden: HashMap<String, (String, String, String)> = HashMap::new();
    let path = geo_dir.join("zorgraden.csv");
    let zr = read_csv(&path, errors);
    require_columns(
        &path,
        &zr,
        &["name", "elz_name", "website", "source", "confidence"],
        errors,
    );
    for (at, r) in &zr {
        let id = slug(&r["elz_name"]);
        if !zone_index.contains_key(&id) {
            errors.push(
                at,
                format!("unknown zone `{}` (not in elz.csv)", r["elz_name"]),
            );
            continue;
        }
        // Rows of low confidence are leads, not facts: not shown.
        if r["name"].is_empty() || r["confidence"] == "low" {
            continue;
        }
        let website = r["website"].trim();
        let website = if website.is_empty() || website.starts_with("http") {
            website.to_string()
        } else {
            format!("https://{website}")
        };
        let source = r["source"]
            .split(" ; ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        zorgraden.insert(id, (r["name"].clone(), website, source));
    }

    writeln!(code, "pub(crate) static PROVINCES: &[Province] = &[").unwrap();
    for (nis, (nl, fr)) in &provinces {
        writeln!(
            code,
            "    Province {{ nis: {}, name_nl: {}, name_fr: {} }},",
            lit(nis),
            lit(nl),
            lit(fr)
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();
    writeln!(
        code,
        "pub(crate) static ARRONDISSEMENTS: &[Arrondissement] = &["
    )
    .unwrap();
    for (nis, (nl, fr)) in &arrs {
        writeln!(
            code,
            "    Arrondissement {{ nis: {}, name_nl: {}, name_fr: {} }},",
            lit(nis),
            lit(nl),
            lit(fr)
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();
    writeln!(
        code,
        "pub(crate) static JUDICIALS: &[JudicialArrondissement] = &["
    )
    .unwrap();
    for (id, (nl, fr)) in &judicials {
        writeln!(
            code,
            "    JudicialArrondissement {{ id: {}, name_nl: {}, name_fr: {} }},",
            lit(id),
            lit(nl),
            lit(fr)
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();
    writeln!(code, "pub(crate) static ZONES: &[Zone] = &[").unwrap();
    for (id, name) in &zone_names {
        let (zr_name, website, source) = zorgraden.get(id).cloned().unwrap_or_default();
        writeln!(
            code,
            "    Zone {{ id: {}, name: {}, zorgraad: {}, website: {}, zorgraad_source: {} }},",
            lit(id),
            lit(name),
            opt_lit(detail(&zr_name)),
            opt_lit(&website),
            opt_lit(&source)
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();

    // One line per municipality, parsed once at start-up (smaller in the wasm than a table of structs):
    // nis \t name_nl \t name_fr (empty: same) \t region (F/B/W) \t province index or "" \t arrondissement index
    // \t judicial index \t zone indices (",")
    let mut table = String::new();
    for (at, r) in &munis {
        let nis = &r["municipality_nis"];
        let zones: Vec<usize> = muni_zones
            .get(nis)
            .map(|z| z.iter().map(|id| zone_index[id]).collect())
            .unwrap_or_default();
        if r["region"] != "Wallonia" && zones.is_empty() {
            errors.push(
                at,
                format!("Flemish or Brussels municipality {nis} {} is in no eerstelijnszone (geo/elz.csv)", r["name_nl"]),
            );
        }
        if r["region"] == "Wallonia" && !zones.is_empty() {
            errors.push(
                at,
                format!("Walloon municipality {nis} is in an eerstelijnszone"),
            );
        }
        if zones.len() > 4 {
            errors.push(
                at,
                format!(
                    "municipality {nis} lies in more than four zones: the table cannot hold it"
                ),
            );
        }
        let region = match r["region"].as_str() {
            "Flanders" => "F",
            "Brussels" => "B",
            _ => "W",
        };
        let province = match r["province_nis"].as_str() {
            "" => String::new(),
            p => province_index[p].to_string(),
        };
        let zones: Vec<String> = zones.iter().map(|z| z.to_string()).collect();
        for f in ["name_nl", "name_fr"] {
            if r[f].contains(['\t', '\n']) {
                errors.push(at, format!("{f} contains a tab or a line break"));
            }
        }
        writeln!(
            table,
            "{nis}\t{}\t{}\t{region}\t{province}\t{}\t{}\t{}",
            r["name_nl"],
            // Empty when the French name is the Dutch one (most Flemish municipalities).
            if r["name_fr"] == r["name_nl"] {
                ""
            } else {
                r["name_fr"].as_str()
            },
            arr_index[&r["arrondissement_nis"]],
            judicial_index[&r["judicial_arrondissement_id"]],
            zones.join(","),
        )
        .unwrap();
    }
    writeln!(
        code,
        "pub(crate) static MUNICIPALITY_TABLE: &str = {};\n",
        lit(&table)
    )
    .unwrap();

    // Antwerp districts: which postcode-localities lie in which zones.
    let path = geo_dir.join("elz_antwerpen_deelgemeenten.csv");
    let districts = read_csv(&path, errors);
    require_columns(
        &path,
        &districts,
        &[
            "municipality_nis_2025",
            "deelgemeente_name",
            "elz_zones",
            "bpost_postcodes_with_same_locality_name",
        ],
        errors,
    );

    // Localities.
    let path = geo_dir.join("postcodes.csv");
    let mut locs = read_csv(&path, errors);
    require_columns(
        &path,
        &locs,
        &[
            "postcode",
            "locality",
            "bpost_main_locality",
            "municipality_nis",
            "postcode_all_municipality_nis",
        ],
        errors,
    );
    locs.sort_by(|a, b| {
        (a.1["postcode"].as_str(), a.1["locality"].as_str())
            .cmp(&(b.1["postcode"].as_str(), b.1["locality"].as_str()))
    });
    // One line per postcode (and municipality), parsed once at start-up: far smaller in the wasm
    // than a table of structs. postcode \t municipality index \t other municipality index or ""
    // \t localities separated by `;`, each a name, `*` if it is the main one, `#` and zone indices.
    let mut table = String::new();
    let mut group: Option<(u16, usize, String)> = None;
    // Without the `wallonia-localities` feature (the widget), a Walloon postcode keeps one locality:
    // its main one (or its first). Every postcode and municipality still resolves.
    let all_walloon = std::env::var_os("CARGO_FEATURE_WALLONIA_LOCALITIES").is_some();
    let walloon_with_main: BTreeSet<&str> = locs
        .iter()
        .filter(|(_, r)| r["region"] == "Wallonia" && r["bpost_main_locality"] == "yes")
        .map(|(_, r)| r["postcode"].as_str())
        .collect();
    let mut walloon_kept: BTreeSet<&str> = BTreeSet::new();
    for (at, r) in &locs {
        if !all_walloon && r["region"] == "Wallonia" {
            let pc = r["postcode"].as_str();
            let keep = if walloon_with_main.contains(pc) {
                r["bpost_main_locality"] == "yes"
            } else {
                !walloon_kept.contains(pc)
            };
            if !keep || !walloon_kept.insert(pc) {
                continue;
            }
        }
        let Ok(pc) = r["postcode"].parse::<u16>() else {
            errors.push(at, format!("postcode `{}` is not a number", r["postcode"]));
            continue;
        };
        if r["postcode"].len() != 4 {
            errors.push(
                at,
                format!("postcode `{}` does not have 4 digits", r["postcode"]),
            );
        }
        let Some(&mi) = muni_index.get(&r["municipality_nis"]) else {
            errors.push(
                at,
                format!("unknown municipality NIS code `{}`", r["municipality_nis"]),
            );
            continue;
        };
        let mut all = Vec::new();
        for nis in r["postcode_all_municipality_nis"]
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match muni_index.get(nis) {
                Some(&i) => all.push(i),
                None => errors.push(
                    at,
                    format!(
                        "unknown municipality NIS code `{nis}` in postcode_all_municipality_nis"
                    ),
                ),
            }
        }
        if !all.contains(&mi) {
            all.insert(0, mi);
        }
        let mut zones: Vec<usize> = Vec::new();
        for (_, d) in &districts {
            if d["municipality_nis_2025"] != r["municipality_nis"] {
                continue;
            }
            let pcs: Vec<&str> = d["bpost_postcodes_with_same_locality_name"]
                .split(';')
                .map(str::trim)
                .collect();
            let dname = d["deelgemeente_name"].to_lowercase();
            let lname = r["locality"].to_lowercase();
            let name_match = dname == lname || dname.split('-').any(|p| p == lname);
            if pcs.contains(&r["postcode"].as_str()) && name_match {
                for z in d["elz_zones"].split(';') {
                    let zname = z.split(" (").next().unwrap_or("").trim();
                    match zone_index.get(&slug(zname)) {
                        Some(&zi) if !zones.contains(&zi) => zones.push(zi),
                        Some(_) => {}
                        None => errors.push(
                            at,
                            format!("unknown zone `{zname}` in elz_antwerpen_deelgemeenten.csv"),
                        ),
                    }
                }
            }
        }
        zones.sort();
        if zones.len() > 4 || all.len() > 2 {
            errors.push(at, "a locality lies in more than four zones or two municipalities: the table cannot hold it");
        }
        let also = all
            .iter()
            .find(|&&i| i != mi)
            .map(|i| i.to_string())
            .unwrap_or_default();
        let zones: Vec<String> = zones.iter().map(|z| z.to_string()).collect();
        if r["locality"].contains(['\t', '\n', ';', '*', '#']) {
            errors.push(
                at,
                "a locality name contains a tab, a line break, `;`, `*` or `#`",
            );
        }
        let key = (pc, mi, also);
        if group.as_ref() != Some(&key) {
            if group.is_some() {
                table.push('\n');
            }
            write!(table, "{pc}\t{mi}\t{}\t", key.2).unwrap();
            group = Some(key);
        } else {
            table.push(';');
        }
        table.push_str(&r["locality"]);
        if r["bpost_main_locality"] == "yes" {
            table.push('*');
        }
        if !zones.is_empty() {
            write!(table, "#{}", zones.join(",")).unwrap();
        }
    }
    table.push('\n');
    writeln!(
        code,
        "pub(crate) static LOCALITY_TABLE: &str = {};\n",
        lit(&table)
    )
    .unwrap();

    // Special postcodes.
    let path = geo_dir.join("special_postcodes.csv");
    let specials = read_csv(&path, errors);
    require_columns(&path, &specials, &["postcode", "name"], errors);
    let mut specials: Vec<_> = specials
        .into_iter()
        .filter_map(|(at, r)| match r["postcode"].parse::<u16>() {
            Ok(pc) => Some((pc, r["name"].clone())),
            Err(_) => {
                errors.push(&at, format!("postcode `{}` is not a number", r["postcode"]));
                None
            }
        })
        .collect();
    specials.sort();
    writeln!(
        code,
        "pub(crate) static SPECIAL_POSTCODES: &[SpecialPostcode] = &["
    )
    .unwrap();
    for (pc, name) in &specials {
        writeln!(
            code,
            "    SpecialPostcode {{ postcode: {pc}, name: {} }},",
            lit(name)
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();

    // Mergers: follow chains to the municipality that exists today.
    let path = geo_dir.join("mergers.csv");
    let mergers = read_csv(&path, errors);
    require_columns(
        &path,
        &mergers,
        &["old_nis", "old_name", "new_nis", "date", "change_type"],
        errors,
    );
    let next: HashMap<String, String> = mergers
        .iter()
        .map(|(_, r)| (r["old_nis"].clone(), r["new_nis"].clone()))
        .collect();
    writeln!(code, "pub(crate) static MERGERS: &[Merger] = &[").unwrap();
    for (at, r) in &mergers {
        let mut nis = r["new_nis"].clone();
        let mut hops = 0;
        while !muni_index.contains_key(&nis) && hops < 5 {
            match next.get(&nis) {
                Some(n) => nis = n.clone(),
                None => break,
            }
            hops += 1;
        }
        let Some(&mi) = muni_index.get(&nis) else {
            errors.push(
                at,
                format!(
                    "successor `{}` of {} does not exist today",
                    r["new_nis"], r["old_nis"]
                ),
            );
            continue;
        };
        let Some(date) = date_lit(&r["date"]) else {
            errors.push(at, format!("date `{}` is not YYYY-MM-DD", r["date"]));
            continue;
        };
        if r["old_nis"] == nis {
            continue; // Antwerpen absorbed Borsbeek and kept its code: not a former municipality
        }
        writeln!(
            code,
            "    Merger {{ old_nis: {}, old_name: {}, new: {mi}, date: {date}, is_merger: {} }},",
            lit(&r["old_nis"]),
            lit(&r["old_name"]),
            r["change_type"] == "merger"
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();

    Geo {
        muni_index,
        province_index,
        arr_index,
        judicial_index,
        zone_index,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptFile {
    id: String,
    #[serde(default)]
    abbreviation: String,
    #[serde(default)]
    aliases: Vec<String>,
    scope: String,
    coverage: String,
    everywhere_in: Option<String>,
    status: StatusFile,
    access: Vec<String>,
    #[serde(default)]
    websites: Vec<String>,
    name: Texts,
    summary: Texts,
    how: Texts,
    target: TextLists,
    facts: Facts,
    sources: Vec<SourceFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFile {
    kind: String,
    since: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    nl: String,
    fr: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextLists {
    nl: Vec<String>,
    fr: Vec<String>,
    en: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Facts {
    scale: String,
    policy_domain: String,
    legal_basis: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    url: String,
    date: String,
    used_for: String,
}

/// The stable concept ids, in the order the product lists them.
const CONCEPT_IDS: [&str; 15] = [
    "sociaal-huis",
    "gbo",
    "huizen-van-het-kind",
    "overkop",
    "fjc-veilig-huis-ketenaanpak-ifg",
    "ggz-netwerken-volwassenen",
    "ggz-netwerken-kinderen-jongeren",
    "1gezin1plan",
    "vroeg-en-nabij",
    "dak-thuisloosheid-netwerken",
    "stek",
    "eerstelijnszones-zorgraden",
    "lokale-gezinscoaches",
    "zorgzame-buurten",
    "livc",
];

fn scope_variant(s: &str) -> Option<&'static str> {
    match s {
        "flanders" => Some("Scope::Flanders"),
        "flanders_brussels" => Some("Scope::FlandersBrussels"),
        "belgium" => Some("Scope::Belgium"),
        _ => None,
    }
}

fn texts(t: &Texts) -> String {
    format!(
        "Text {{ nl: {}, fr: {}, en: {} }}",
        lit(&t.nl),
        lit(&t.fr),
        lit(&t.en)
    )
}

fn strs(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", items.join(", "))
}

fn generate_concepts(dir: &Path, errors: &mut Errors, code: &mut String) -> Vec<String> {
    writeln!(code, "pub(crate) static CONCEPTS: &[Concept] = &[").unwrap();
    for id in CONCEPT_IDS {
        let path = dir.join("concepts").join(format!("{id}.toml"));
        let at = display(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(&at, format!("cannot read: {e}"));
                continue;
            }
        };
        let c: ConceptFile = match toml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start].lines().count().max(1))
                    .unwrap_or(0);
                errors.push(&format!("{at}:{line}"), e.message());
                continue;
            }
        };
        if c.id != id {
            errors.push(&at, format!("id `{}` differs from the file name", c.id));
        }
        let Some(scope) = scope_variant(&c.scope) else {
            errors.push(
                &at,
                format!(
                    "scope `{}`: use flanders, flanders_brussels or belgium",
                    c.scope
                ),
            );
            continue;
        };
        let coverage = match (c.coverage.as_str(), c.everywhere_in.as_deref()) {
            ("everywhere", None) => format!("Coverage::Everywhere({scope})"),
            ("everywhere", Some(s)) => match scope_variant(s) {
                Some(v) => format!("Coverage::Everywhere({v})"),
                None => {
                    errors.push(
                        &at,
                        format!("everywhere_in `{s}`: use flanders, flanders_brussels or belgium"),
                    );
                    continue;
                }
            },
            ("listed", None) => "Coverage::Listed".to_string(),
            ("listed", Some(_)) => {
                errors.push(
                    &at,
                    "everywhere_in only goes with coverage = \"everywhere\"",
                );
                continue;
            }
            (other, _) => {
                errors.push(&at, format!("coverage `{other}`: use everywhere or listed"));
                continue;
            }
        };
        let until = c.status.until.as_deref().map(|u| (u, date_lit(u)));
        let status = match (c.status.kind.as_str(), until) {
            ("structural", _) => "Status::Structural".to_string(),
            ("project", Some((_, Some(d)))) => format!("Status::Project {{ until: {d} }}"),
            ("ended", Some((_, Some(d)))) => format!("Status::Ended {{ until: {d} }}"),
            ("project" | "ended", Some((u, None))) => {
                errors.push(&at, format!("status.until `{u}` is not YYYY-MM-DD"));
                continue;
            }
            ("project" | "ended", None) => {
                errors.push(
                    &at,
                    "status.until is required for a project or an ended concept",
                );
                continue;
            }
            (k, _) => {
                errors.push(
                    &at,
                    format!("status.kind `{k}`: use structural, project or ended"),
                );
                continue;
            }
        };
        let _ = c.status.since;
        let mut access = Vec::new();
        for a in &c.access {
            let v = match a.as_str() {
                "walk_in" => "Access::WalkIn",
                "call" => "Access::Call",
                "online" => "Access::Online",
                "appointment" => "Access::Appointment",
                "via_professional" => "Access::ViaProfessional",
                "none" => "Access::None",
                other => {
                    errors.push(&at, format!("access `{other}` is unknown"));
                    continue;
                }
            };
            access.push(v);
        }
        for (lang, t) in [
            ("nl", &c.summary.nl),
            ("fr", &c.summary.fr),
            ("en", &c.summary.en),
        ] {
            if t.trim().is_empty() {
                errors.push(&at, format!("summary.{lang} is empty"));
            }
        }
        if c.sources.is_empty() {
            errors.push(&at, "a concept needs at least one source");
        }
        // Without `details` (the widget): the first six sources, the ones the widget lists.
        let shown = if std::env::var_os("CARGO_FEATURE_DETAILS").is_some() {
            usize::MAX
        } else {
            6
        };
        let sources: Vec<String> = c
            .sources
            .iter()
            .take(shown)
            .map(|s| {
                format!(
                    "Source {{ url: {}, date: {}, used_for: {} }}",
                    lit(&s.url),
                    lit(&s.date),
                    lit(detail(&s.used_for))
                )
            })
            .collect();
        writeln!(
            code,
            "    Concept {{ id: {}, name: {}, abbreviation: {}, aliases: {}, summary: {}, how: {}, target: TextList {{ nl: {}, fr: {}, en: {} }}, scope: {scope}, coverage: {coverage}, status: {status}, access: &[{}], websites: {}, scale: {}, policy_domain: {}, legal_basis: {}, sources: &[{}] }},",
            lit(id),
            texts(&c.name),
            lit(&c.abbreviation),
            strs(&c.aliases),
            texts(&c.summary),
            texts(&c.how),
            strs(&c.target.nl),
            strs(&c.target.fr),
            strs(&c.target.en),
            access.join(", "),
            if std::env::var_os("CARGO_FEATURE_DETAILS").is_some() { strs(&c.websites) } else { "&[]".to_string() },
            lit(detail(&c.facts.scale)),
            lit(detail(&c.facts.policy_domain)),
            lit(detail(&c.facts.legal_basis)),
            sources.join(", "),
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();
    CONCEPT_IDS.iter().map(|s| s.to_string()).collect()
}

const OFFER_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "address",
    "phone",
    "email",
    "website",
    "serves",
    "confidence",
    "status",
    "until",
    "source",
    "source_date",
    "note",
];

fn generate_offers(
    dir: &Path,
    geo: &Geo,
    concepts: &[String],
    errors: &mut Errors,
    code: &mut String,
) {
    // One line per offer, parsed once at start-up; fields as in OFFER_COLUMNS but `serves` as compact
    // area codes (m<municipality>, p<province>, a<arrondissement>, j<judicial>, z<zone>, r<F|B|W>),
    // confidence c/d, status a/p/e, and sources separated by " ; ".
    let mut table = String::new();
    let offers_dir = dir.join("offers");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&offers_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let Some(ci) = concepts.iter().position(|c| *c == stem) else {
            errors.push(
                &display(&path),
                format!("`{stem}` is not a concept id: name the file after its concept"),
            );
            continue;
        };
        let rows = read_csv(&path, errors);
        if !require_columns(&path, &rows, &OFFER_COLUMNS, errors) {
            continue;
        }
        let mut ids = BTreeSet::new();
        for (at, r) in &rows {
            if r["id"].is_empty() || !ids.insert(r["id"].clone()) {
                errors.push(at, format!("id `{}` is empty or not unique", r["id"]));
            }
            if r["name"].is_empty() {
                errors.push(at, "name is empty");
            }
            let mut serves = Vec::new();
            for area in r["serves"]
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                match area_ref(area, geo) {
                    Ok(a) => serves.push(a),
                    Err(e) => errors.push(at, format!("serves: {e}")),
                }
            }
            if serves.is_empty() {
                errors.push(at, "serves is empty: say which areas the offer serves");
            }
            let confidence = match r["confidence"].as_str() {
                "confirmed" => "c",
                "derived" => "d",
                other => {
                    errors.push(
                        at,
                        format!("confidence `{other}`: use confirmed or derived"),
                    );
                    continue;
                }
            };
            if !r["until"].is_empty() && date_lit(&r["until"]).is_none() {
                errors.push(at, format!("until `{}` is not YYYY-MM-DD", r["until"]));
                continue;
            }
            let status = match r["status"].as_str() {
                "active" | "" => "a",
                "project" => "p",
                "ended" => "e",
                other => {
                    errors.push(
                        at,
                        format!("status `{other}`: use active, project or ended"),
                    );
                    continue;
                }
            };
            if r["source"].trim().is_empty() {
                errors.push(at, "source is empty: every offer needs a source");
            }
            for f in OFFER_COLUMNS {
                if r[f].contains(['\t', '\n']) {
                    errors.push(at, format!("{f} contains a tab or a line break"));
                }
            }
            writeln!(
                table,
                "{}\t{ci}\t{}\t{}\t{}\t{}\t{}\t{}\t{confidence}\t{status}\t{}\t{}\t{}\t{}",
                r["id"],
                r["name"],
                r["address"],
                r["phone"],
                r["email"],
                r["website"],
                serves.join(","),
                r["until"],
                r["source"],
                r["source_date"],
                detail(&r["note"]),
            )
            .unwrap();
        }
    }
    writeln!(
        code,
        "pub(crate) static OFFER_TABLE: &str = {};\n",
        lit(&table)
    )
    .unwrap();
}

fn area_ref(s: &str, geo: &Geo) -> Result<String, String> {
    let (kind, value) = s
        .split_once(':')
        .ok_or_else(|| format!("`{s}` is not of the form kind:value"))?;
    let value = value.trim();
    let (index, code, what) = match kind.trim() {
        "nis" => (&geo.muni_index, 'm', "municipality NIS code (after the 2025 mergers)"),
        "province" => (&geo.province_index, 'p', "province NIS code"),
        "arrondissement" => (&geo.arr_index, 'a', "arrondissement NIS code"),
        "judicial" => (&geo.judicial_index, 'j', "judicial arrondissement"),
        "elz" => (&geo.zone_index, 'z', "eerstelijnszone id"),
        "region" => {
            return match value {
                "flanders" => Ok("rF".into()),
                "brussels" => Ok("rB".into()),
                "wallonia" => Ok("rW".into()),
                _ => Err(format!("unknown region `{value}`")),
            }
        }
        other => {
            return Err(format!(
                "unknown area kind `{other}` (use nis, province, arrondissement, judicial, elz, region)"
            ))
        }
    };
    index
        .get(value)
        .map(|i| format!("{code}{i}"))
        .ok_or_else(|| format!("unknown {what} `{value}`"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedsFile {
    stopwords: Stopwords,
    need: Vec<NeedFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stopwords {
    nl: Vec<String>,
    fr: Vec<String>,
    en: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedFile {
    id: String,
    label: Texts,
    #[serde(default)]
    nl: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    concepts: BTreeMap<String, f32>,
}

/// Terms joined by `|` (one string per language: no table of pointers in the wasm).
fn joined(terms: &[String], at: &str) -> String {
    for t in terms {
        if t.contains('|') {
            println!("cargo:warning={at}: the term `{t}` contains `|`, which separates terms");
        }
    }
    terms.join("|")
}

fn generate_needs(dir: &Path, concepts: &[String], errors: &mut Errors, code: &mut String) {
    let path = dir.join("needs.toml");
    let at = display(&path);
    let parsed: Option<NeedsFile> = match std::fs::read_to_string(&path) {
        Ok(text) => match toml::from_str(&text) {
            Ok(n) => Some(n),
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start].lines().count().max(1))
                    .unwrap_or(0);
                errors.push(&format!("{at}:{line}"), e.message());
                None
            }
        },
        Err(e) => {
            errors.push(&at, format!("cannot read: {e}"));
            None
        }
    };
    // Without the `vocabulary` feature the file is checked but not compiled in.
    let parsed = parsed.filter(|_| std::env::var_os("CARGO_FEATURE_VOCABULARY").is_some());
    let Some(n) = parsed else {
        writeln!(
            code,
            "pub(crate) static STOPWORDS: &str = \"\";\npub(crate) static NEEDS: &[Need] = &[];"
        )
        .unwrap();
        return;
    };
    let mut stop: BTreeSet<String> = BTreeSet::new();
    for w in n
        .stopwords
        .nl
        .iter()
        .chain(&n.stopwords.fr)
        .chain(&n.stopwords.en)
    {
        stop.insert(text::fold(w));
    }
    let stop: Vec<String> = stop.into_iter().collect();
    writeln!(
        code,
        "pub(crate) static STOPWORDS: &str = {};",
        lit(&stop.join(" "))
    )
    .unwrap();
    writeln!(code, "pub(crate) static NEEDS: &[Need] = &[").unwrap();
    let mut ids = BTreeSet::new();
    for need in &n.need {
        if !ids.insert(need.id.clone()) {
            errors.push(&at, format!("need id `{}` is not unique", need.id));
        }
        let mut weights = Vec::new();
        for (cid, w) in &need.concepts {
            match concepts.iter().position(|c| c == cid) {
                Some(i) if (0.0..=1.0).contains(w) => weights.push(format!("({i}, {w:?})")),
                Some(_) => errors.push(
                    &at,
                    format!(
                        "need `{}`: weight {w} for `{cid}` is not between 0 and 1",
                        need.id
                    ),
                ),
                None => errors.push(
                    &at,
                    format!("need `{}`: `{cid}` is not a concept id", need.id),
                ),
            }
        }
        if need.nl.is_empty() && need.fr.is_empty() && need.en.is_empty() {
            errors.push(&at, format!("need `{}` has no terms", need.id));
        }
        writeln!(
            code,
            "    Need {{ id: {}, label: {}, terms: Terms {{ nl: {}, fr: {}, en: {} }}, concepts: &[{}] }},",
            lit(&need.id),
            texts(&need.label),
            lit(&joined(&need.nl, &at)),
            lit(&joined(&need.fr, &at)),
            lit(&joined(&need.en, &at)),
            weights.join(", ")
        )
        .unwrap();
    }
    writeln!(code, "];\n").unwrap();
}
