//! Turns HSDS 3.0 data into a Hulpkompas layer file (`hulpkompas import --hsds FILE|DIR`).
//!
//! Someone else's HSDS — a service, a list of them (`[…]`, or an API page `{"contents": […]}`),
//! an organization with its `services`, or a `service_at_location` record — becomes a layer in the
//! profile of `layer/README.md`: a JSON array of services holding the fields Hulpkompas reads
//! (`id`, `name`, `status`, `description`, `url`, `email`, `organization`, `last_modified`,
//! `assured_date`, the `hulpkompas` attributes, `phones`, weekly `schedules`, text
//! `service_areas`, and the locations' `addresses`, `phones` and `schedules`). Every other field
//! is dropped without a word: Hulpkompas does not show it.
//!
//! Nothing is invented. What cannot be used is left out and reported with its JSON path into the
//! input: an area that is no list of Belgian postcodes, an address outside Belgium, a schedule that
//! is not weekly, a service that is not active. A record without a Hulpkompas concept or an area
//! gets the defaults of [`Options`], or is left out; a phone, an address or an area is never made
//! up. What is written passes `hulpkompas layer check`.

use std::fmt::Display;
use std::fs;
use std::path::{Path, PathBuf};

use hulpkompas_core::hours::brussels_time;
use hulpkompas_core::{is_whole_postcode, Dataset, Date, FirstStopKind, OpeningHours};
use hulpkompas_layer::MAX_BYTES;
use serde_json::{Map, Value};

use super::export::{term_key, uuid};
use hulpkompas_layer::{CONCEPT_TAXONOMY, FIRST_STOP_TAXONOMY};
/// The weekdays as HSDS (iCalendar) writes them.
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Defaults for the records that lack the Hulpkompas profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The concept id (`sociaal-huis`) of the records without a `hulpkompas` attribute.
    pub concept: Option<String>,
    /// The places served by the records without a text `service_areas` Hulpkompas can read:
    /// postcodes and `nis:` codes separated by commas (`9000,nis:44021`).
    pub serves: Option<String>,
}

/// What an import gives: the layer, and what of the input did not make it.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The layer file: a JSON array of HSDS services in the Hulpkompas profile.
    pub layer: Value,
    /// How many services the layer holds.
    pub kept: usize,
    /// One line per file: what it holds (`service_list.json: an HSDS API list page …`) and how
    /// many of its services were kept.
    pub detected: Vec<String>,
    /// One line per thing that did not map, each starting with the file and a JSON path into it:
    /// `service_list.json: contents[0].service_areas[0]: extent_type "geojson" is not read …`;
    /// and a last line when the layer is larger than a layer may be ([`MAX_BYTES`]).
    pub report: Vec<String>,
}

/// Imports the HSDS JSON at `path`: a file, or a directory whose `.json` files are read in the
/// order of their names. A service that occurs twice (by `id`) is kept once, the first time.
///
/// # Errors
///
/// Input that cannot be read — a missing file, a file that is not JSON, a directory without
/// `.json` files — and defaults that are no concept id or no Belgian place; each message names
/// the file or the option. Everything else is a line of [`Import::report`].
pub fn import(path: &Path, options: &Options) -> Result<Import, String> {
    let data = Dataset::builtin();
    check_options(&data, options)?;
    let mut inputs = Vec::new();
    for file in files(path)? {
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("{}: cannot be read ({e})", file.display()))?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: this is not JSON ({e})", file.display()))?;
        let label = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        inputs.push((label, value));
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let today = now.ok().map(|d| brussels_time(d.as_millis() as f64).date);
    let mut importer = Importer {
        data: &data,
        options,
        today,
        label: String::new(),
        services: Vec::new(),
        seen: Vec::new(),
        found: 0,
        detected: Vec::new(),
        report: Vec::new(),
    };
    for (label, value) in &inputs {
        importer.file(label, value);
    }
    let layer = Value::Array(importer.services);
    let size = layer.to_string().len();
    if size > MAX_BYTES {
        importer.report.push(format!(
            "{}: the layer is {size} bytes, more than the {MAX_BYTES} Hulpkompas reads: import fewer services per file",
            path.display()
        ));
    }
    Ok(Import {
        kept: layer.as_array().map_or(0, Vec::len),
        layer,
        detected: importer.detected,
        report: importer.report,
    })
}

/// The defaults must be usable: a known concept, Belgian places.
fn check_options(data: &Dataset, options: &Options) -> Result<(), String> {
    if let Some(c) = &options.concept {
        if data.concept(c).is_none() {
            return Err(format!(
                "the default concept {} is no Hulpkompas concept id (`hulpkompas concepts` lists them)",
                quoted(c)
            ));
        }
    }
    if let Some(serves) = &options.serves {
        let (good, bad) = places(data, serves);
        if let Some(b) = bad.first() {
            return Err(format!(
                "the default area {}: {} is no Belgian postcode or nis: code of a municipality",
                quoted(serves),
                quoted(b)
            ));
        }
        if good.is_empty() {
            return Err(
                "the default area is empty: give postcodes or nis: codes, \"9000,nis:44021\""
                    .into(),
            );
        }
    }
    Ok(())
}

/// The file, or the `.json` files of the directory sorted by name.
fn files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries =
        fs::read_dir(path).map_err(|e| format!("{}: cannot be read ({e})", path.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{}: the directory holds no .json file",
            path.display()
        ));
    }
    Ok(files)
}

/// The tokens of a text extent (`9000, nis:44021`): those that are Belgian places, and the others.
fn places<'t>(data: &Dataset, extent: &'t str) -> (Vec<&'t str>, Vec<&'t str>) {
    extent
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .partition(|t| match t.strip_prefix("nis:") {
            Some(nis) => data.municipality(nis).is_some(),
            None => {
                t.len() == 4
                    && t.parse::<u16>().is_ok_and(|pc| {
                        data.localities()
                            .binary_search_by_key(&pc, |l| l.postcode)
                            .is_ok()
                    })
            }
        })
}

/// What a JSON value is, by its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// An HSDS API list page: `{"total_items": …, "contents": […]}`.
    List,
    /// A service (`service_full.json`, `service_list.json`'s contents).
    Service,
    /// An organization with its `services` (`organization_full.json`).
    Organization,
    /// A `service_at_location` with its `service` and `location`.
    ServiceAtLocation,
    /// Anything else, said in words.
    Other(&'static str),
}

impl Kind {
    fn of(v: &Value) -> Kind {
        let Some(o) = v.as_object() else {
            return Kind::Other(match v {
                Value::Array(_) => "an array inside a list",
                Value::Null => "null",
                Value::Bool(_) => "true or false",
                Value::Number(_) => "a number",
                _ => "a text",
            });
        };
        let any = |keys: &[&str]| keys.iter().any(|k| o.contains_key(*k));
        if o.get("contents").is_some_and(Value::is_array) {
            Kind::List
        } else if o.get("service").is_some_and(Value::is_object) {
            Kind::ServiceAtLocation
        } else if o.get("services").is_some_and(Value::is_array) {
            Kind::Organization
        } else if any(&[
            "status",
            "service_areas",
            "service_at_locations",
            "organization",
        ]) || any(&["organization_id", "program_id"])
        {
            Kind::Service
        } else if any(&["website", "legal_status", "tax_status", "year_incorporated"])
            || any(&["organization_identifiers", "programs", "locations", "logo"])
        {
            Kind::Other("an organization without services")
        } else if any(&["location_type", "addresses", "latitude", "longitude"]) {
            Kind::Other("a location without a service")
        } else if any(&["taxonomy", "taxonomy_detail", "term_uri", "code"]) {
            Kind::Other("a taxonomy term")
        } else if any(&["openapi_url", "profile"]) {
            Kind::Other("the API's description (base.json)")
        } else if o.keys().any(|k| k.ends_with(".csv")) {
            Kind::Other("tabular HSDS (CSV tables in JSON), which is not read: give the services as JSON objects")
        } else if any(&["version", "uri"]) {
            Kind::Other("a taxonomy")
        } else if any(&["id"]) && any(&["name"]) {
            Kind::Service
        } else {
            Kind::Other("no HSDS service, organization or service_at_location")
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::List => "an HSDS API list page",
            Kind::Service => "a service",
            Kind::Organization => "an organization with its services",
            Kind::ServiceAtLocation => "a service_at_location record",
            Kind::Other(what) => what,
        }
    }
}

/// Says what a file holds: its kind, or for a list the kinds of its records.
fn shape(v: &Value) -> String {
    let list = |what: &str, items: &[Value]| {
        let mut kinds: Vec<&str> = Vec::new();
        for k in items.iter().map(|i| Kind::of(i).name()) {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        let n = items.len();
        let records = if n == 1 { "record" } else { "records" };
        format!("{what} of {n} {records} ({})", kinds.join(", "))
    };
    match v {
        Value::Array(items) => list("a JSON array", items),
        _ => match (Kind::of(v), v.get("contents").and_then(Value::as_array)) {
            (Kind::List, Some(items)) => list("an HSDS API list page (contents[])", items),
            (kind, _) => kind.name().to_string(),
        },
    }
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A text as JSON writes it: `"9000"`.
fn quoted(s: &str) -> String {
    Value::from(s).to_string()
}

/// A text field, trimmed; `None` when absent, empty or not a text.
fn text<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    o.get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// An array field; empty when absent or not an array.
fn array<'v>(o: &'v Map<String, Value>, key: &str) -> &'v [Value] {
    o.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The text fields `keys` of `from` that are given, as they are written.
fn pick(from: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter(|k| text(from, k).is_some())
        .filter_map(|k| Some((k.to_string(), from.get(*k)?.clone())))
        .collect()
}

/// `YYYY-MM-DD`, or a date-time whose first ten characters are one.
fn is_date(d: &str) -> bool {
    let rest = d.get(10..).unwrap_or("");
    d.get(..10).and_then(Date::parse).is_some() && (rest.is_empty() || rest.starts_with('T'))
}

/// A time `HH:MM`, or `HH:MM:00`, as `HH:MM`.
fn clock(t: &str) -> Option<&str> {
    let hm = if t.len() == 8 {
        t.strip_suffix(":00")?
    } else {
        t
    };
    matches!(hm.as_bytes(), [h1, h2, b':', m1, m2]
        if [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
            && (h1 - b'0') * 10 + (h2 - b'0') <= 23 && *m1 <= b'5')
    .then_some(hm)
}

struct Importer<'a> {
    data: &'a Dataset,
    options: &'a Options,
    /// Today in Belgium, to tell which schedules have ended.
    today: Option<Date>,
    /// The file being read, for the report.
    label: String,
    services: Vec<Value>,
    /// The ids kept, and where each came from.
    seen: Vec<(String, String)>,
    /// The services found in the current file.
    found: usize,
    detected: Vec<String>,
    report: Vec<String>,
}

impl Importer<'_> {
    fn note(&mut self, path: &str, message: impl Display) {
        let path = if path.is_empty() { "$" } else { path };
        self.report
            .push(format!("{}: {path}: {message}", self.label));
    }

    fn file(&mut self, label: &str, v: &Value) {
        self.label = label.to_string();
        self.found = 0;
        let before = self.services.len();
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.record(&format!("[{i}]"), item);
                }
            }
            _ => self.record("", v),
        }
        let (found, kept) = (self.found, self.services.len() - before);
        let services = if found == 1 { "service" } else { "services" };
        self.detected.push(format!(
            "{label}: {}; {found} {services} found, {kept} kept",
            shape(v)
        ));
    }

    fn record(&mut self, path: &str, v: &Value) {
        match Kind::of(v) {
            Kind::List => {
                for (i, item) in v["contents"].as_array().into_iter().flatten().enumerate() {
                    self.record(&join(path, &format!("contents[{i}]")), item);
                }
            }
            Kind::Organization => {
                let services = v["services"].as_array().map_or(&[][..], Vec::as_slice);
                if services.is_empty() {
                    self.note(
                        &join(path, "services"),
                        "an organization without services; nothing to import",
                    );
                }
                for (i, s) in services.iter().enumerate() {
                    self.service(&join(path, &format!("services[{i}]")), s, Some(v), None);
                }
            }
            Kind::ServiceAtLocation => {
                self.service(&join(path, "service"), &v["service"], None, Some((path, v)));
            }
            Kind::Service => self.service(path, v, None, None),
            Kind::Other(what) => self.note(path, format!("{what}; no services to import")),
        }
    }

    /// One service at `path`; `parent` is the organization it is listed in, `at` the
    /// service_at_location record (and its path) it came in.
    fn service(
        &mut self,
        path: &str,
        v: &Value,
        parent: Option<&Value>,
        at: Option<(&str, &Value)>,
    ) {
        self.found += 1;
        let Some(s) = v.as_object() else {
            self.note(path, "a service must be a JSON object; it is left out");
            return;
        };
        let mut out = pick(s, &["id", "name", "description"]);
        let mut usable = true;
        for field in ["id", "name"] {
            if text(s, field).is_none() {
                self.note(
                    &join(path, field),
                    format!("every service needs a text {field}; the record is left out"),
                );
                usable = false;
            }
        }
        match s.get("status") {
            None | Some(Value::Null) => self.note(
                &join(path, "status"),
                "missing; HSDS 3.0 requires it (\"active\"); the record is kept without it",
            ),
            Some(Value::String(st)) if st == "active" => {
                out.insert("status".into(), st.as_str().into());
            }
            Some(other) => {
                self.note(&join(path, "status"), format!("{other}: only active services are imported (Hulpkompas shows current offers); the record is left out"));
                usable = false;
            }
        }
        usable &= self.organization(path, s, parent, &mut out);
        self.contact(path, s, &mut out);
        usable &= self.attributes(path, s, &mut out);
        let phones = self.phones(path, s);
        let schedules = self.schedules(path, s);
        let areas = self.areas(path, s);
        let locations = self.locations(path, s, at);
        for (key, list) in [
            ("phones", phones),
            ("schedules", schedules),
            ("service_at_locations", locations),
        ] {
            if !list.is_empty() {
                out.insert(key.into(), Value::Array(list));
            }
        }
        match areas {
            Some(areas) => {
                out.insert("service_areas".into(), Value::Array(areas));
            }
            None => usable = false,
        }
        if !usable {
            return;
        }
        let id = text(s, "id").unwrap_or_default().to_string();
        let here = format!(
            "{}: {}",
            self.label,
            if path.is_empty() { "$" } else { path }
        );
        if let Some((_, first)) = self.seen.iter().find(|(seen, _)| *seen == id) {
            let first = first.clone();
            self.note(
                &join(path, "id"),
                format!(
                    "{} was imported already from {first}; this record is left out",
                    quoted(&id)
                ),
            );
            return;
        }
        self.seen.push((id, here));
        self.services.push(Value::Object(out));
    }

    /// The service's own organization, else the one it is listed in: its id, name and
    /// description. `false` (the record is left out) without a name.
    fn organization(
        &mut self,
        path: &str,
        s: &Map<String, Value>,
        parent: Option<&Value>,
        out: &mut Map<String, Value>,
    ) -> bool {
        fn named(o: Option<&Value>) -> Option<&Map<String, Value>> {
            o?.as_object().filter(|o| text(o, "name").is_some())
        }
        match named(s.get("organization")).or(named(parent)) {
            Some(org) => {
                out.insert(
                    "organization".into(),
                    Value::Object(pick(org, &["id", "name", "description"])),
                );
                true
            }
            None => {
                let why = if s.contains_key("organization_id") {
                    "only an organization_id; Hulpkompas needs the embedded organization with its name (who gives the facts); the record is left out"
                } else {
                    "no organization with a name (Hulpkompas shows who gives the facts); the record is left out"
                };
                self.note(&join(path, "organization"), why);
                false
            }
        }
    }

    /// `url`, `email`, `last_modified` and `assured_date`, where they can be used.
    fn contact(&mut self, path: &str, s: &Map<String, Value>, out: &mut Map<String, Value>) {
        let given = |key: &str| {
            s.get(key)
                .filter(|v| !v.is_null() && v.as_str().is_none_or(|t| !t.trim().is_empty()))
        };
        if let Some(url) = given("url") {
            match url.as_str() {
                Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                    out.insert("url".into(), url.clone());
                }
                _ => self.note(
                    &join(path, "url"),
                    format!("{url} is no web address (https://…); it is left out"),
                ),
            }
        }
        if let Some(email) = given("email") {
            match email.as_str() {
                Some(e) if e.contains('@') && !e.trim().contains(' ') => {
                    out.insert("email".into(), email.clone());
                }
                _ => self.note(
                    &join(path, "email"),
                    format!("{email} is no e-mail address; it is left out"),
                ),
            }
        }
        for key in ["last_modified", "assured_date"] {
            if let Some(date) = given(key) {
                match date.as_str() {
                    Some(d) if is_date(d.trim()) => {
                        out.insert(key.into(), date.clone());
                    }
                    _ => self.note(
                        &join(path, key),
                        format!("{date} is no date (YYYY-MM-DD or a date-time); it is left out"),
                    ),
                }
            }
        }
    }

    /// The `hulpkompas` concept and first-stop attributes, else the default concept. `false` (the
    /// record is left out) without a concept.
    fn attributes(
        &mut self,
        path: &str,
        s: &Map<String, Value>,
        out: &mut Map<String, Value>,
    ) -> bool {
        let (mut concept, mut first_stop, mut kept) = (false, false, Vec::new());
        for (i, a) in array(s, "attributes").iter().enumerate() {
            let p = join(path, &format!("attributes[{i}]"));
            let Some((a, term)) = a
                .as_object()
                .and_then(|a| Some((a, a.get("taxonomy_term")?.as_object()?)))
            else {
                continue;
            };
            let code = text(term, "code").unwrap_or_default();
            let (known, done, what) = match text(term, "taxonomy") {
                Some(CONCEPT_TAXONOMY) => (
                    self.data.concept(code).is_some(),
                    &mut concept,
                    "concept id (`hulpkompas concepts` lists them)",
                ),
                Some(FIRST_STOP_TAXONOMY) => (
                    FirstStopKind::parse(code).is_some(),
                    &mut first_stop,
                    "kind of first stop (sociaal_huis, ocmw, caw, huis_van_het_kind, cpas)",
                ),
                _ => continue,
            };
            if !known {
                self.note(
                    &join(&p, "taxonomy_term.code"),
                    format!(
                        "{} is no Hulpkompas {what}; the attribute is left out",
                        quoted(code)
                    ),
                );
            } else if *done {
                self.note(
                    &p,
                    format!(
                        "a second {} attribute; only the first is kept",
                        quoted(text(term, "taxonomy").unwrap_or_default())
                    ),
                );
            } else {
                *done = true;
                let mut attribute = pick(a, &["id", "link_type", "value"]);
                attribute.insert(
                    "taxonomy_term".into(),
                    Value::Object(pick(
                        term,
                        &["id", "taxonomy", "code", "name", "description"],
                    )),
                );
                kept.push(Value::Object(attribute));
            }
        }
        if !concept {
            match self
                .options
                .concept
                .as_deref()
                .and_then(|c| self.data.concept(c))
            {
                Some(c) => {
                    let id = text(s, "id").unwrap_or_default();
                    kept.insert(
                        0,
                        serde_json::json!({
                            "id": uuid(&format!("import/{id}/attribute/{CONCEPT_TAXONOMY}")),
                            "taxonomy_term": {
                                "id": uuid(&term_key(CONCEPT_TAXONOMY, c.id)),
                                "taxonomy": CONCEPT_TAXONOMY,
                                "code": c.id,
                                "name": c.name.nl,
                                "description": c.summary.nl,
                            }
                        }),
                    );
                }
                None => {
                    self.note(&join(path, "attributes"), "no \"hulpkompas\" concept; the record is left out (give one with --concept)");
                    return false;
                }
            }
        }
        out.insert("attributes".into(), Value::Array(kept));
        true
    }

    /// The phones of `o` (at `path`) that have a number.
    fn phones(&mut self, path: &str, o: &Map<String, Value>) -> Vec<Value> {
        let mut kept = Vec::new();
        for (i, phone) in array(o, "phones").iter().enumerate() {
            match phone.as_object().filter(|p| text(p, "number").is_some()) {
                Some(p) => kept.push(Value::Object(pick(p, &["id", "number", "type"]))),
                None => self.note(
                    &join(path, &format!("phones[{i}]")),
                    "no number; the phone is left out",
                ),
            }
        }
        kept
    }

    /// The weekly schedules of `o` (at `path`); of one that cannot be read, its description.
    fn schedules(&mut self, path: &str, o: &Map<String, Value>) -> Vec<Value> {
        let mut kept = Vec::new();
        for (i, v) in array(o, "schedules").iter().enumerate() {
            let p = join(path, &format!("schedules[{i}]"));
            let Some(s) = v.as_object() else {
                self.note(&p, "a schedule must be a JSON object; it is left out");
                continue;
            };
            match self.weekly(s) {
                Ok(ended) => {
                    if let Some(end) = ended {
                        self.note(
                            &join(&p, "valid_to"),
                            format!(
                                "{} has passed: Hulpkompas does not show these hours",
                                quoted(end)
                            ),
                        );
                    }
                    let keys = [
                        "id",
                        "freq",
                        "byday",
                        "opens_at",
                        "closes_at",
                        "valid_from",
                        "valid_to",
                        "description",
                    ];
                    kept.push(Value::Object(pick(s, &keys)));
                }
                Err((field, why)) => {
                    let description = text(s, "description").is_some();
                    let then = if description {
                        "only its description is kept"
                    } else {
                        "the schedule is left out"
                    };
                    self.note(&join(&p, field), format!("{why}; {then}"));
                    if description {
                        kept.push(Value::Object(pick(s, &["id", "description"])));
                    }
                }
            }
        }
        kept
    }

    /// Checks a schedule as the layer reads it: `Ok` with its `valid_to` if that has passed, or
    /// the field that cannot be read and why.
    fn weekly<'s>(
        &self,
        s: &'s Map<String, Value>,
    ) -> Result<Option<&'s str>, (&'static str, String)> {
        match text(s, "freq") {
            Some(f) if f.eq_ignore_ascii_case("WEEKLY") => {}
            Some(f) => {
                return Err((
                    "freq",
                    format!("{} is not read: only WEEKLY schedules are", quoted(f)),
                ))
            }
            None => return Err(("freq", "missing: only WEEKLY schedules are read".into())),
        }
        let byday =
            text(s, "byday").ok_or(("byday", "missing (the days, \"MO,TU,WE\")".to_string()))?;
        let mut days = Vec::new();
        for d in byday.split(',').map(|d| d.trim().to_ascii_uppercase()) {
            if !DAYS.contains(&d.as_str()) {
                return Err((
                    "byday",
                    format!("{} is no day (MO TU WE TH FR SA SU)", quoted(&d)),
                ));
            }
            days.push(d);
        }
        let mut times = Vec::new();
        for field in ["opens_at", "closes_at"] {
            let t = text(s, field).unwrap_or_default();
            times.push(clock(t).ok_or((field, format!("{} is no time HH:MM", quoted(t))))?);
        }
        let period = format!("{} {}-{}", days.join(","), times[0], times[1]);
        OpeningHours::parse(&period).map_err(|e| ("closes_at", e))?;
        let mut ended = None;
        for field in ["valid_from", "valid_to"] {
            if let Some(d) = text(s, field) {
                let date = Date::parse(d)
                    .ok_or((field, format!("{} is no date YYYY-MM-DD", quoted(d))))?;
                if field == "valid_to" && self.today.is_some_and(|today| date < today) {
                    ended = Some(d);
                }
            }
        }
        Ok(ended)
    }

    /// The text areas of Belgian places, else the default area; `None` (the record is left out)
    /// without either.
    fn areas(&mut self, path: &str, s: &Map<String, Value>) -> Option<Vec<Value>> {
        let mut kept = Vec::new();
        let hint = if self.options.serves.is_some() {
            ""
        } else {
            " (give the places it serves with --serves)"
        };
        for (i, a) in array(s, "service_areas").iter().enumerate() {
            let p = join(path, &format!("service_areas[{i}]"));
            let Some(a) = a.as_object() else {
                self.note(&p, "a service area must be a JSON object; it is left out");
                continue;
            };
            match text(a, "extent_type") {
                Some("text") => {}
                other => {
                    let found = other.map_or("missing".into(), |t| {
                        format!("{} is not read by Hulpkompas", quoted(t))
                    });
                    self.note(&p, format!("extent_type {found} (only \"text\" with postcodes or nis: codes); the area is left out{hint}"));
                    continue;
                }
            }
            let extent = text(a, "extent").unwrap_or_default();
            let (good, bad) = places(self.data, extent);
            for b in bad {
                self.note(
                    &join(&p, "extent"),
                    format!(
                        "{} is no Belgian postcode or nis: code of a municipality; it is left out",
                        quoted(b)
                    ),
                );
            }
            if good.is_empty() {
                self.note(&p, format!("no Belgian place; the area is left out{hint}"));
                continue;
            }
            let mut area = pick(a, &["id", "name", "description"]);
            area.insert("extent_type".into(), "text".into());
            area.insert("extent".into(), good.join(", ").into());
            kept.push(Value::Object(area));
        }
        if kept.is_empty() {
            let Some(serves) = &self.options.serves else {
                self.note(&join(path, "service_areas"), "no area Hulpkompas can read; the record is left out (give the places it serves with --serves)");
                return None;
            };
            let id = text(s, "id").unwrap_or_default();
            kept.push(serde_json::json!({
                "id": uuid(&format!("import/{id}/service_area")),
                "extent_type": "text",
                "extent": serves,
            }));
        }
        Some(kept)
    }

    /// The locations of `service_at_locations`, or of the service_at_location record the service
    /// came in: their Belgian addresses, phones and schedules.
    fn locations(
        &mut self,
        path: &str,
        s: &Map<String, Value>,
        at: Option<(&str, &Value)>,
    ) -> Vec<Value> {
        let own = array(s, "service_at_locations");
        let records: Vec<(String, &Value)> = match at {
            Some((p, record)) if own.is_empty() => vec![(p.to_string(), record)],
            _ => own
                .iter()
                .enumerate()
                .map(|(i, r)| (join(path, &format!("service_at_locations[{i}]")), r))
                .collect(),
        };
        let mut kept = Vec::new();
        for (p, record) in records {
            let Some((record, location)) = record
                .as_object()
                .and_then(|r| Some((r, r.get("location")?.as_object()?)))
            else {
                continue;
            };
            let lp = join(&p, "location");
            let mut out = pick(location, &["id", "location_type", "name"]);
            let addresses = self.addresses(&lp, location);
            let phones = self.phones(&lp, location);
            let schedules = self.schedules(&lp, location);
            let mut used = false;
            for (key, list) in [
                ("addresses", addresses),
                ("phones", phones),
                ("schedules", schedules),
            ] {
                if !list.is_empty() {
                    out.insert(key.into(), Value::Array(list));
                    used = true;
                }
            }
            if used {
                let mut sal = pick(record, &["id"]);
                sal.insert("location".into(), Value::Object(out));
                kept.push(Value::Object(sal));
            }
        }
        kept
    }

    /// The Belgian addresses of a location, with a street.
    fn addresses(&mut self, path: &str, location: &Map<String, Value>) -> Vec<Value> {
        let mut kept = Vec::new();
        for (i, a) in array(location, "addresses").iter().enumerate() {
            let p = join(path, &format!("addresses[{i}]"));
            let Some(a) = a.as_object() else {
                self.note(&p, "an address must be a JSON object; it is left out");
                continue;
            };
            let country = text(a, "country");
            let postcode = text(a, "postal_code");
            let belgian = country.is_none_or(|c| {
                [
                    "BE", "BEL", "BELGIUM", "BELGIË", "BELGIE", "BELGIQUE", "BELGIEN",
                ]
                .contains(&c.to_uppercase().as_str())
            });
            if !belgian {
                let pc =
                    postcode.map_or(String::new(), |pc| format!(", postal_code {}", quoted(pc)));
                self.note(
                    &p,
                    format!(
                        "no Belgian address (country {}{pc}); the address is left out",
                        quoted(country.unwrap_or_default())
                    ),
                );
            } else if let Some(pc) = postcode.filter(|pc| !is_whole_postcode(pc)) {
                self.note(
                    &join(&p, "postal_code"),
                    format!(
                        "{} is no Belgian postcode; the address is left out",
                        quoted(pc)
                    ),
                );
            } else if text(a, "address_1").is_none() {
                self.note(
                    &join(&p, "address_1"),
                    "missing (street and number); the address is left out",
                );
            } else {
                let keys = [
                    "id",
                    "address_1",
                    "address_2",
                    "city",
                    "state_province",
                    "postal_code",
                    "country",
                    "address_type",
                ];
                kept.push(Value::Object(pick(a, &keys)));
            }
        }
        kept
    }
}
