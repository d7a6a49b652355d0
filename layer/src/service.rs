//! One HSDS service record of a layer, read field by field with the JSON path of each problem.

use hulpkompas_core::{Date, FirstStopKind, LayerError, LayerOffer};
use serde_json::{Map, Value};

/// The taxonomy whose term's code is the Hulpkompas concept id.
pub const CONCEPT_TAXONOMY: &str = "hulpkompas";
/// The taxonomy whose term's code is the kind of first stop.
pub const FIRST_STOP_TAXONOMY: &str = "hulpkompas-first-stop";

/// What a JSON value is, for messages: "a number", "an object".
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one record; collects its problems.
pub struct Reader {
    /// The record's path, `[3]`.
    at: String,
    pub(crate) today: Date,
    pub problems: Vec<LayerError>,
}

impl Reader {
    pub fn new(at: String, today: Date) -> Reader {
        Reader {
            at,
            today,
            problems: Vec::new(),
        }
    }

    pub(crate) fn problem(&mut self, path: &str, message: String) {
        self.problems.push(LayerError {
            path: format!("{}{path}", self.at),
            message,
        });
    }

    /// A text field of `object` at `path`: `None` when absent, null or empty; a problem when it is
    /// of another type.
    pub(crate) fn text(
        &mut self,
        object: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> Option<String> {
        match object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Some(other) => {
                let found = kind_of(other);
                self.problem(
                    &format!("{path}.{field}"),
                    format!("a text was expected, found {found}; the field is left out"),
                );
                None
            }
        }
    }

    /// An array field: empty when absent; a problem when it is of another type.
    pub(crate) fn array<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        field: &str,
        path: &str,
    ) -> &'v [Value] {
        match object.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(other) => {
                let found = kind_of(other);
                self.problem(
                    &format!("{path}.{field}"),
                    format!("an array [ … ] was expected, found {found}; the field is left out"),
                );
                &[]
            }
        }
    }

    /// An object, or a problem naming its path.
    pub(crate) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(o) => Some(o),
            Value::Null => None,
            other => {
                let found = kind_of(other);
                self.problem(
                    path,
                    format!("an object {{ … }} was expected, found {found}; it is left out"),
                );
                None
            }
        }
    }

    /// The record as an offer, or `None` (with the reason among the problems) when it cannot be used.
    pub fn service(&mut self, record: &Value) -> Option<LayerOffer> {
        let Some(s) = self.object(record, "") else {
            if record.is_null() {
                self.problem(
                    "",
                    "an HSDS service was expected, found null; the record is left out".into(),
                );
            }
            return None;
        };
        let mut o = LayerOffer {
            path: self.at.clone(),
            ..LayerOffer::default()
        };
        let (id, name) = (self.text(s, "id", ""), self.text(s, "name", ""));
        let Some(id) = id else {
            self.problem(
                ".id",
                "every service needs an id; the record is left out".into(),
            );
            return None;
        };
        let Some(name) = name else {
            self.problem(
                ".name",
                "every service needs a name; the record is left out".into(),
            );
            return None;
        };
        (o.id, o.name) = (id, name);
        o.provider = match s.get("organization") {
            Some(org) => match self.object(org, ".organization") {
                Some(org) => self.text(org, "name", ".organization").unwrap_or_default(),
                None => String::new(),
            },
            None => String::new(),
        };
        if o.provider.is_empty() {
            self.problem(
                ".organization.name",
                "say who gives these facts (the organisation's name); the record is left out"
                    .into(),
            );
            return None;
        }
        self.attributes(s, &mut o)?;
        o.date = self.date(s);
        self.areas(s, &mut o);
        self.contact(s, &mut o);
        self.address(s, &mut o);
        self.hours(s, &mut o);
        Some(o)
    }

    /// The concept and first-stop kind from `attributes`.
    fn attributes(&mut self, s: &Map<String, Value>, o: &mut LayerOffer) -> Option<()> {
        for (i, a) in self.array(s, "attributes", "").iter().enumerate() {
            let path = format!(".attributes[{i}]");
            let Some(a) = self.object(a, &path) else {
                continue;
            };
            let Some(term) = a.get("taxonomy_term") else {
                continue;
            };
            let term_path = format!("{path}.taxonomy_term");
            let Some(term) = self.object(term, &term_path) else {
                continue;
            };
            let taxonomy = self.text(term, "taxonomy", &term_path);
            let code = self.text(term, "code", &term_path);
            match (taxonomy.as_deref(), code) {
                (Some(CONCEPT_TAXONOMY), Some(code)) => o.concept = code,
                (Some(FIRST_STOP_TAXONOMY), Some(code)) => match FirstStopKind::parse(&code) {
                    Some(kind) => o.first_stop = Some(kind),
                    None => self.problem(
                        &format!("{term_path}.code"),
                        format!("\"{code}\" is no kind of first stop (sociaal_huis, ocmw, caw, huis_van_het_kind, cpas); the service is shown as an offer only"),
                    ),
                },
                (Some(CONCEPT_TAXONOMY | FIRST_STOP_TAXONOMY), None) => {
                    self.problem(&format!("{term_path}.code"), "the code is missing".into());
                }
                _ => {}
            }
        }
        if o.concept.is_empty() {
            self.problem(
                ".attributes",
                format!("no attribute with a \"{CONCEPT_TAXONOMY}\" taxonomy term names the concept; the record is left out"),
            );
            return None;
        }
        Some(())
    }

    /// `last_modified`, else `assured_date`: its date part.
    fn date(&mut self, s: &Map<String, Value>) -> String {
        for field in ["last_modified", "assured_date"] {
            if let Some(d) = self.text(s, field, "") {
                match d.get(..10).and_then(Date::parse) {
                    Some(_) => return d[..10].to_string(),
                    None => self.problem(
                        &format!(".{field}"),
                        format!("\"{d}\" is no date YYYY-MM-DD; the field is left out"),
                    ),
                }
            }
        }
        String::new()
    }

    /// The postcodes and NIS codes of `service_areas` with `extent_type: "text"`.
    fn areas(&mut self, s: &Map<String, Value>, o: &mut LayerOffer) {
        for (i, a) in self.array(s, "service_areas", "").iter().enumerate() {
            let path = format!(".service_areas[{i}]");
            let Some(a) = self.object(a, &path) else {
                continue;
            };
            match self.text(a, "extent_type", &path).as_deref() {
                Some("text") => {}
                Some(other) => {
                    self.problem(
                        &format!("{path}.extent_type"),
                        format!("\"{other}\" is not read by Hulpkompas: write extent_type \"text\" with postcodes or nis: codes; the area is left out"),
                    );
                    continue;
                }
                None => {
                    self.problem(&format!("{path}.extent_type"), "write extent_type \"text\" with postcodes or nis: codes; the area is left out".into());
                    continue;
                }
            }
            let Some(extent) = self.text(a, "extent", &path) else {
                self.problem(
                    &format!("{path}.extent"),
                    "the extent is missing: postcodes or nis: codes, separated by commas".into(),
                );
                continue;
            };
            let at = format!("{}{path}.extent", self.at);
            o.serves.extend(
                extent
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(|c| (at.clone(), c.to_string())),
            );
        }
    }

    /// Phone, e-mail and web page.
    fn contact(&mut self, s: &Map<String, Value>, o: &mut LayerOffer) {
        o.phone = self.first_phone(s, "").unwrap_or_default();
        if o.phone.is_empty() {
            if let Some((loc, path)) = self.location(s) {
                o.phone = self.first_phone(loc, &path).unwrap_or_default();
            }
        }
        o.email = self.text(s, "email", "").unwrap_or_default();
        if let Some(url) = self.text(s, "url", "") {
            if url.starts_with("https://") || url.starts_with("http://") {
                o.website = url;
            } else {
                self.problem(".url", format!("\"{url}\" is no web address (it must start with https://); the field is left out"));
            }
        }
    }

    fn first_phone(&mut self, object: &Map<String, Value>, path: &str) -> Option<String> {
        let phones = self.array(object, "phones", path);
        let phone = phones.first()?;
        let p = format!("{path}.phones[0]");
        let phone = self.object(phone, &p)?;
        self.text(phone, "number", &p)
    }

    /// The first location of `service_at_locations`, with its path.
    fn location<'v>(
        &mut self,
        s: &'v Map<String, Value>,
    ) -> Option<(&'v Map<String, Value>, String)> {
        let sal = self.array(s, "service_at_locations", "").first()?;
        let sal = self.object(sal, ".service_at_locations[0]")?;
        let path = ".service_at_locations[0].location".to_string();
        let loc = self.object(sal.get("location")?, &path)?;
        Some((loc, path))
    }

    /// Street, postcode and town of the first address of the first location.
    fn address(&mut self, s: &Map<String, Value>, o: &mut LayerOffer) {
        let Some((loc, path)) = self.location(s) else {
            return;
        };
        let Some(a) = self.array(loc, "addresses", &path).first() else {
            return;
        };
        let p = format!("{path}.addresses[0]");
        let Some(a) = self.object(a, &p) else { return };
        o.street = self.text(a, "address_1", &p).unwrap_or_default();
        o.postcode = self.text(a, "postal_code", &p).unwrap_or_default();
        o.city = self.text(a, "city", &p).unwrap_or_default();
        if !o.postcode.is_empty() && !hulpkompas_core::is_whole_postcode(&o.postcode) {
            self.problem(
                &format!("{p}.postal_code"),
                format!("\"{}\" is no Belgian postcode (four digits)", o.postcode),
            );
        }
    }

    /// The service's schedules, else the location's.
    fn hours(&mut self, s: &Map<String, Value>, o: &mut LayerOffer) {
        let own = self.array(s, "schedules", "");
        let (schedules, path) = if own.is_empty() {
            match self.location(s) {
                Some((loc, path)) => (self.array(loc, "schedules", &path), path),
                None => (own, String::new()),
            }
        } else {
            (own, String::new())
        };
        let (hours, text) = self.schedules(schedules, &path);
        (o.hours, o.hours_text) = (hours, text);
    }
}
