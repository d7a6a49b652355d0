//! Open Referral's HSDS 3.0 with the Hulpkompas profile (`layer/README.md`): the built-in data
//! written as HSDS ([`export`]) and someone else's HSDS turned into a layer file ([`import`]).

pub mod export;
pub mod import;
