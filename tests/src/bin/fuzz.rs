//! `cargo xtask fuzz [--seconds N] [--seed S]`: generated inputs through every entry point that
//! takes text from a person or a file — place lookup, search by need, the help-line signals, and the
//! vocabulary parser — each call under `catch_unwind`, timed.
//!
//! Inputs: random bytes, mixed scripts, combining and right-to-left marks, very long strings, and
//! every real postcode and place name with noise and one or two edits. Prints the inputs tried, the
//! panics (with the input that caused each, up to 10) and p50/p99/max per call; exits 1 on a panic.
//!
//! Built with the workspace's `fuzz` profile (optimised, and panics unwind so they can be caught);
//! `--self-test` makes one call panic on purpose, to show that a panic is caught and reported.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use hulpkompas_core::{urgent, Dataset, Lang, Vocabulary};

/// Characters that break naive text handling: combining marks, bidi controls, zero-width
/// characters, a replacement character, letters of other scripts, emoji, NUL.
const HARD: &[char] = &[
    '\u{0301}', '\u{0308}', '\u{200B}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202E}', '\u{2066}',
    '\u{FEFF}', '\u{FFFD}', 'ß', 'ı', 'İ', 'Ω', 'я', 'ж', 'ع', 'ש', '中', '𝔘', '😀', '\0', '\t',
    '\n', '-', '\'', '’', '.', ' ', '<', '>', '&', '"', '%',
];

struct Timings {
    name: &'static str,
    nanos: Vec<u32>,
    panics: Vec<String>,
}

impl Timings {
    fn new(name: &'static str) -> Timings {
        Timings {
            name,
            nanos: Vec::new(),
            panics: Vec::new(),
        }
    }

    /// Runs `f(input)` under `catch_unwind` and records its time, or the panic with its input.
    fn run(&mut self, input: &str, f: impl FnOnce(&str)) {
        let t = Instant::now();
        let ok = catch_unwind(AssertUnwindSafe(|| f(input))).is_ok();
        self.nanos
            .push(t.elapsed().as_nanos().min(u128::from(u32::MAX)) as u32);
        if !ok {
            let shown: String = input.chars().take(200).collect();
            self.panics
                .push(format!("{shown:?} ({} chars)", input.chars().count()));
        }
    }

    fn report(&mut self) {
        self.nanos.sort_unstable();
        let at = |q: f64| -> f64 {
            match self.nanos.len() {
                0 => 0.0,
                n => f64::from(self.nanos[((n - 1) as f64 * q) as usize]) / 1000.0,
            }
        };
        println!(
            "  {:<10} {:>10} inputs  {:>3} panics  p50 {:>8.1} µs  p99 {:>8.1} µs  max {:>10.1} µs",
            self.name,
            self.nanos.len(),
            self.panics.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        );
        for p in self.panics.iter().take(10) {
            println!("    panic on {p}");
        }
    }
}

/// One or two edits: delete, insert, replace or swap a character.
fn edit(rng: &mut fastrand::Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    for _ in 0..rng.usize(1..=2) {
        let i = rng.usize(0..=c.len());
        match rng.u8(0..4) {
            0 if i < c.len() => {
                c.remove(i);
            }
            1 => c.insert(i, rng.alphanumeric()),
            2 if i < c.len() => c[i] = rng.alphanumeric(),
            _ if i + 1 < c.len() => c.swap(i, i + 1),
            _ => c.push(*rng.choice(HARD).unwrap()),
        }
    }
    c.into_iter().collect()
}

/// Noise around a real name: case, hard characters, prefixes like `B-`, spaces.
fn noise(rng: &mut fastrand::Rng, s: &str) -> String {
    let mut out = String::new();
    if rng.bool() {
        out.push_str(rng.choice(["B-", "B", " ", "St-", "  ", "nis:"]).unwrap());
    }
    for ch in s.chars() {
        match rng.u8(0..20) {
            0 => out.extend(ch.to_uppercase()),
            1 => {
                out.push(ch);
                out.push(*rng.choice(HARD).unwrap());
            }
            _ => out.push(ch),
        }
    }
    if rng.bool() {
        out.push_str(
            rng.choice([" ", " 8500", " Gent", ",", "!!", " \u{200F}"])
                .unwrap(),
        );
    }
    out
}

fn random_text(rng: &mut fastrand::Rng, max: usize) -> String {
    let n = rng.usize(0..=max);
    (0..n)
        .map(|_| match rng.u8(0..4) {
            0 => *rng.choice(HARD).unwrap(),
            1 => rng.char(..),
            _ => rng.alphanumeric(),
        })
        .collect()
}

fn random_bytes(rng: &mut fastrand::Rng, max: usize) -> String {
    let bytes: Vec<u8> = (0..rng.usize(0..=max)).map(|_| rng.u8(..)).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn main() {
    let mut seconds = 10u64;
    let mut seed = 2026u64;
    let mut self_test = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--self-test" {
            self_test = true;
            continue;
        }
        let value = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), value) {
            ("--seconds", Some(v)) => seconds = v,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: fuzz [--seconds N] [--seed S] [--self-test]");
                std::process::exit(2);
            }
        }
    }
    // Panics are counted, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let data = Dataset::builtin();
    let vocabulary = Vocabulary::builtin().to_text();
    let mut names: Vec<String> = data
        .municipalities()
        .iter()
        .flat_map(|m| [m.name_nl.to_string(), m.name_fr.to_string()])
        .collect();
    names.extend(data.localities().iter().map(|l| l.name.to_string()));
    names.extend(
        data.localities()
            .iter()
            .map(|l| format!("{:04}", l.postcode)),
    );
    let needs: Vec<String> = data
        .vocabulary()
        .needs()
        .iter()
        .flat_map(|n| Lang::ALL.map(|l| n.terms.get(l).next().unwrap_or("").to_string()))
        .collect();

    let mut rng = fastrand::Rng::with_seed(seed);
    let mut lookup = Timings::new("lookup");
    let mut search = Timings::new("search");
    let mut urgent_t = Timings::new("urgent");
    let mut vocab = Timings::new("vocabulary");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut round = 0u64;
    while Instant::now() < deadline {
        for _ in 0..1000 {
            round += 1;
            let input = match rng.u8(0..10) {
                0 => random_bytes(&mut rng, 64),
                1 => random_text(&mut rng, 40),
                2 if round % 500 == 0 => random_text(&mut rng, 100_000),
                3 => {
                    let need = &needs[rng.usize(0..needs.len())];
                    noise(&mut rng, need)
                }
                4 | 5 => {
                    let name = &names[rng.usize(0..names.len())];
                    edit(&mut rng, name)
                }
                _ => {
                    let name = &names[rng.usize(0..names.len())];
                    noise(&mut rng, name)
                }
            };
            let planted = self_test && round == 1;
            lookup.run(&input, |s| {
                assert!(!planted, "a planted panic (--self-test)");
                let _ = data.lookup(s);
            });
            let lang = *rng.choice(&Lang::ALL).unwrap();
            search.run(&input, |s| {
                let _ = data.search(s, None);
            });
            urgent_t.run(&input, |s| {
                let _ = urgent(s, lang);
            });
            // The vocabulary parser on a mangled slice of the real file (kept small: the parser
            // borrows its text for good, so each input is leaked).
            if round % 50 == 0 {
                let mut start = rng.usize(0..vocabulary.len());
                while !vocabulary.is_char_boundary(start) {
                    start -= 1;
                }
                let slice: String = vocabulary[start..]
                    .chars()
                    .take(rng.usize(0..400))
                    .collect();
                let mangled: &'static str = Box::leak(edit(&mut rng, &slice).into_boxed_str());
                vocab.run(mangled, |_| {
                    let _ = Vocabulary::parse(mangled);
                });
            }
        }
    }
    let all = [&mut lookup, &mut search, &mut urgent_t, &mut vocab];
    let tried: usize = all.iter().map(|t| t.nanos.len()).sum();
    let panics: usize = all.iter().map(|t| t.panics.len()).sum();
    println!("fuzz: {tried} inputs in {seconds} s (seed {seed}), {panics} panics");
    for t in all {
        t.report();
    }
    std::process::exit(i32::from(panics > 0));
}
