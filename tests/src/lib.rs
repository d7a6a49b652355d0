//! Helpers for the cross-crate tests in `tests/tests/`: the one reader of the golden CSVs, the
//! data files read independently of the core, and the JSON Schemas of the command-line tool.

use std::path::PathBuf;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The golden files: one row per case, read with a real CSV reader.
///
/// Each golden file has one `fn check(row: &Row)` in its test, run on every row with
/// [`golden::check_each`]: a failure names the file, the line and the input.
pub mod golden {
    use std::panic::{catch_unwind, AssertUnwindSafe};

    /// One row of a golden file, by column name.
    pub struct Row {
        /// `tests/golden/lookup.csv`, as given.
        pub file: String,
        /// Its line in the file (1 is the header).
        pub line: u64,
        /// (column, value), in the order of the columns.
        fields: Vec<(String, String)>,
    }

    impl Row {
        /// The field of `column`, as written (spaces kept: `  KORTRIJK  ` is a case).
        pub fn get(&self, column: &str) -> &str {
            self.fields
                .iter()
                .find(|(c, _)| c == column)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("{}: no column `{column}`", self.at()))
        }

        /// A `;`-separated list field, each item trimmed, empty items dropped.
        pub fn list(&self, column: &str) -> Vec<&str> {
            self.get(column)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        }

        /// `tests/golden/lookup.csv:12`, for messages.
        pub fn at(&self) -> String {
            format!("{}:{}", self.file, self.line)
        }

        /// `tests/golden/lookup.csv:12 \`8500\``: where the case is and its input (the first column).
        pub fn case(&self) -> String {
            let input = self.fields.first().map_or("", |(_, v)| v.as_str());
            format!("{} `{input}`", self.at())
        }
    }

    /// The rows of a golden file, `file` relative to the repository root.
    pub fn rows(file: &str) -> Vec<Row> {
        let path = super::root().join(file);
        let mut reader =
            csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = reader.headers().expect("a header line").clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap_or_else(|e| panic!("{file}: {e}"));
                let line = r.position().map_or(0, |p| p.line());
                assert_eq!(
                    r.len(),
                    headers.len(),
                    "{file}:{line}: wrong number of fields"
                );
                Row {
                    file: file.to_string(),
                    line,
                    fields: headers
                        .iter()
                        .zip(r.iter())
                        .map(|(h, v)| (h.to_string(), v.to_string()))
                        .collect(),
                }
            })
            .collect()
    }

    /// Runs `check` on every row of `file`: each row with what `check` returned, or the message it
    /// panicked with.
    pub fn run<T>(file: &str, check: impl Fn(&Row) -> T) -> Vec<(Row, Result<T, String>)> {
        let rows = rows(file);
        assert!(!rows.is_empty(), "{file} has no cases");
        rows.into_iter()
            .map(|row| {
                let got = catch_unwind(AssertUnwindSafe(|| check(&row))).map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                });
                (row, got)
            })
            .collect()
    }

    /// Runs `check` on every row of `file`, and fails naming every row that failed, with why.
    pub fn check_each(file: &str, check: impl Fn(&Row)) {
        let results = run(file, check);
        let failed: Vec<String> = results
            .iter()
            .filter_map(|(row, got)| got.as_ref().err().map(|e| format!("{}: {e}", row.case())))
            .collect();
        assert!(
            failed.is_empty(),
            "{} of {} cases fail:\n{}",
            failed.len(),
            results.len(),
            failed.join("\n")
        );
    }
}

/// The data files of `core/data/`, read with the `csv` crate: an independent source for what the
/// core compiled in with its own build script.
///
/// `HULPKOMPAS_TEST_DATA=<folder>` reads them from a copy instead: to see the data tests fail on
/// a broken copy without rebuilding the core.
pub mod data {
    use std::path::PathBuf;

    fn dir() -> PathBuf {
        std::env::var_os("HULPKOMPAS_TEST_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| super::root().join("core/data"))
    }

    /// The records of `core/data/<file>` (e.g. `geo/postcodes.csv`) as column → value maps.
    pub fn records(file: &str) -> Vec<std::collections::BTreeMap<String, String>> {
        let path = dir().join(file);
        let mut reader =
            csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = reader.headers().expect("a header line").clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap_or_else(|e| panic!("{file}: {e}"));
                headers
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    }

    /// Whether `core/data/<file>` exists.
    pub fn exists(file: &str) -> bool {
        dir().join(file).exists()
    }

    /// The ids of the concepts: the names of the `.toml` files in `core/data/concepts/`.
    pub fn concept_ids() -> Vec<String> {
        let dir = dir().join("concepts");
        let mut ids: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".toml").map(String::from)
            })
            .collect();
        ids.sort();
        ids
    }
}

/// The JSON Schemas of the command-line tool's output, in `schema/`.
pub mod schema {
    use jsonschema::Validator;
    use serde_json::Value;
    use std::sync::OnceLock;

    /// The schema file `schema/<name>.schema.json` as JSON.
    pub fn load(name: &str) -> Value {
        let path = super::root().join(format!("schema/{name}.schema.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn compile(name: &str) -> Validator {
        let schema = load(name);
        jsonschema::draft202012::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{name}.schema.json is no valid draft 2020-12 schema: {e}"));
        jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}.schema.json: {e}"))
    }

    /// The validator of `lookup --json`.
    pub fn lookup() -> &'static Validator {
        static V: OnceLock<Validator> = OnceLock::new();
        V.get_or_init(|| compile("lookup"))
    }

    /// The validator of `search --json`.
    pub fn search() -> &'static Validator {
        static V: OnceLock<Validator> = OnceLock::new();
        V.get_or_init(|| compile("search"))
    }

    /// Every way `value` breaks the schema, as `path: message` lines (empty when valid).
    pub fn errors(validator: &Validator, value: &Value) -> Vec<String> {
        validator
            .iter_errors(value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    /// Fails, naming `what`, unless `value` is valid.
    pub fn assert_valid(validator: &Validator, value: &Value, what: &str) {
        let errors = errors(validator, value);
        assert!(
            errors.is_empty(),
            "{what}: JSON does not match the schema:\n  {}",
            errors.join("\n  ")
        );
    }
}

/// The official HSDS 3.0 JSON Schemas, from the copy vendored in `standards/hsds-3.0/schema/`.
pub mod hsds {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};

    use jsonschema::{Draft, Retrieve, Uri, Validator};
    use serde_json::Value;

    /// A vendored HSDS schema file (`phone.json`) as JSON.
    pub fn schema_file(name: &str) -> Result<Value, String> {
        let path = super::root().join("standards/hsds-3.0/schema").join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Resolves the schemas' references to each other (`"$ref": "phone.json"`) in the vendored
    /// folder: no network, no other file.
    struct Vendored;

    impl Retrieve for Vendored {
        fn retrieve(
            &self,
            uri: &Uri<String>,
        ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
            let name = uri.path().as_str().rsplit('/').next().unwrap_or_default();
            Ok(schema_file(name)?)
        }
    }

    /// The validator of `<schema>.json` (`service`, `phone`, …: draft 2020-12, formats such as
    /// `uuid`, `uri`, `email` and `date-time` checked), built once.
    pub fn validator(schema: &str) -> &'static Validator {
        static V: OnceLock<Mutex<HashMap<String, &'static Validator>>> = OnceLock::new();
        let mut all = V.get_or_init(Default::default).lock().unwrap();
        if let Some(v) = all.get(schema) {
            return v;
        }
        let file = format!("{schema}.json");
        let value = schema_file(&file).unwrap_or_else(|e| panic!("{e}"));
        let v = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .with_base_uri(format!("https://hsds.invalid/schema/{file}"))
            .with_retriever(Vendored)
            .should_validate_formats(true)
            .build(&value)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let v: &'static Validator = Box::leak(Box::new(v));
        all.insert(schema.to_string(), v);
        v
    }

    /// Every error of `record` against `<schema>.json`, each with its path in the record.
    pub fn errors(schema: &str, record: &Value) -> Vec<String> {
        validator(schema)
            .iter_errors(record)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }
}
