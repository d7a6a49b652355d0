//! The README's list of concept ids (for the widget's `concepts` attribute) is the data's: every
//! concept, in the data's order, with its Dutch name. When a concept is added or renamed, this
//! test says which line to change.

use hulpkompas_core::{Dataset, Lang};

const README: &str = include_str!("../../README.md");

#[test]
fn the_readme_lists_every_concept_id() {
    let start = README
        .find("<!-- concept-ids:")
        .expect("README.md lacks the `<!-- concept-ids: … -->` list");
    let end = README[start..]
        .find("<!-- /concept-ids -->")
        .expect("README.md's concept id list has no `<!-- /concept-ids -->` end")
        + start;
    let listed: Vec<String> = README[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = Dataset::builtin()
        .concepts()
        .iter()
        .map(|c| format!("| `{}` | {} |", c.id, c.name.get(Lang::Nl)))
        .collect();
    assert_eq!(
        listed,
        expected,
        "README.md's concept ids differ from the data; the list should read:\n{}",
        expected.join("\n")
    );
}
