//! The output of the `hulpkompas` command-line tool, as a library: the stable JSON shapes
//! ([`json`]) and the plain text ([`text`]). The binary prints them; the tests check every golden
//! answer's JSON against the schemas in `schema/` through the same conversion.

pub mod hsds;
pub mod json;
pub mod text;
