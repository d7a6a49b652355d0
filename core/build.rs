//! Compiles the data in `data/` into static Rust tables (`$OUT_DIR/data.rs`) with
//! `hulpkompas-datagen`. A data error is reported as `core/data/file:line: what is wrong` and fails
//! the build; nothing of the generator ends up in the program but the tables.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-changed=data");
    let features = hulpkompas_datagen::Features::from_cargo_env();
    match hulpkompas_datagen::generate(&manifest.join("data"), features) {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("data.rs");
            std::fs::write(out, code).unwrap();
        }
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning=core/data/{e}");
            }
            eprintln!("\nThe data in core/data has {} error(s):", errors.len());
            for e in &errors {
                eprintln!("  core/data/{e}");
            }
            std::process::exit(1);
        }
    }
}
