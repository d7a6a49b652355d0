//! Round-trip tests of the compact tables (`codec.rs`): decode(encode(rows)) == rows.
//!
//! Apart from `codec.rs` because the generator compiles that file in, without proptest.

use std::borrow::Cow;

use proptest::prelude::*;

use crate::codec::*;
use crate::model::{
    Address, AreaRef, Audience, CawArea, Confidence, Date, FactConfidence, FirstStop,
    FirstStopKind, Locality, Municipality, Need, Offer, OfferStatus, Region, Terms, Text,
};
use crate::text::{number, Parts};

/// The decoders borrow from `'static` tables; the tests leak the text they encode.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Field text: no reserved character, not empty, no surrounding spaces (sources are trimmed).
fn field() -> impl Strategy<Value = &'static str> {
    "[a-zA-Zéèç0-9][a-zA-Zéèç0-9 ,.:/'()-]{0,20}[a-zA-Z0-9]"
        .prop_filter("no reserved character", |s| !s.contains(FIELD_RESERVED))
        .prop_map(leak)
}

fn zones() -> impl Strategy<Value = [u8; MAX_ZONES]> {
    prop::collection::vec(0u8..u8::MAX, 0..=MAX_ZONES).prop_map(|v| {
        let mut out = [u8::MAX; MAX_ZONES];
        out[..v.len()].copy_from_slice(&v);
        out
    })
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        Just(Region::Flanders),
        Just(Region::Brussels),
        Just(Region::Wallonia)
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1900u16..2100, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| Date { year, month, day })
}

fn municipality() -> impl Strategy<Value = Municipality> {
    (
        "[0-9]{5}".prop_map(leak),
        field(),
        prop::option::of(field()),
        region(),
        prop::option::of(any::<u8>()),
        any::<u8>(),
        any::<u8>(),
        zones(),
    )
        .prop_map(
            |(nis, name_nl, name_fr, region, province, arrondissement, judicial, zones)| {
                let name_fr = name_fr.unwrap_or(name_nl);
                Municipality {
                    nis,
                    name_nl,
                    name_fr,
                    name_en: Municipality::default_name_en(name_nl, name_fr, region),
                    region,
                    province,
                    arrondissement,
                    judicial,
                    zones,
                }
            },
        )
}

fn locality() -> impl Strategy<Value = Locality> {
    (
        1000u16..10000,
        "[A-Za-zéè][A-Za-zéè' -]{0,15}[a-z]"
            .prop_filter("no reserved character", |s| !s.contains(LOCALITY_RESERVED))
            .prop_map(leak),
        any::<bool>(),
        0u16..3,
        prop::option::of(0u16..3),
        zones(),
    )
        .prop_map(
            |(postcode, name, main, municipality, also, zones)| Locality {
                postcode,
                name,
                main,
                municipality,
                also,
                zones,
            },
        )
}

fn area() -> impl Strategy<Value = AreaRef> {
    prop_oneof![
        any::<u16>().prop_map(AreaRef::Municipality),
        any::<u8>().prop_map(AreaRef::Province),
        region().prop_map(AreaRef::Region),
        any::<u8>().prop_map(AreaRef::Zone),
        any::<u8>().prop_map(AreaRef::Judicial),
        any::<u8>().prop_map(AreaRef::Arrondissement),
    ]
}

fn offer() -> impl Strategy<Value = Offer> {
    let text = || prop::option::of(field().prop_map(Cow::Borrowed));
    (
        (
            field(),
            any::<u8>(),
            field(),
            text(),
            text(),
            text(),
            text(),
        ),
        prop::collection::vec(area(), 0..5),
        prop_oneof![
            Just(Confidence::Confirmed),
            Just(Confidence::Derived),
            Just(Confidence::ByLaw),
            Just(Confidence::Unconfirmed)
        ],
        prop_oneof![
            Just(OfferStatus::Active),
            prop::option::of(date()).prop_map(OfferStatus::Project),
            prop::option::of(date()).prop_map(OfferStatus::Ended),
            prop::option::of(date()).prop_map(OfferStatus::NoNewCases),
        ],
        prop::collection::vec(field().prop_map(Cow::Borrowed), 0..4),
        prop_oneof![Just(""), field()],
        text(),
    )
        .prop_map(
            |(
                (id, concept, name, address, phone, email, website),
                serves,
                confidence,
                status,
                sources,
                source_date,
                note,
            )| Offer {
                id: Cow::Borrowed(id),
                concept,
                name: Cow::Borrowed(name),
                address,
                phone,
                email,
                website,
                serves: Cow::Owned(serves),
                confidence,
                status,
                sources: Cow::Owned(sources),
                source_date: Cow::Borrowed(source_date),
                note,
                audience: if id.len() % 2 == 0 {
                    Audience::Citizens
                } else {
                    Audience::Professionals
                },
                hours: None,
                provider: None,
            },
        )
}

fn phrases() -> impl Strategy<Value = &'static str> {
    prop::collection::vec(field(), 0..4).prop_map(|v| leak(v.join(&Terms::SEPARATOR.to_string())))
}

fn need(concepts: usize) -> impl Strategy<Value = Need> {
    (
        field(),
        (field(), field(), field()),
        (phrases(), phrases(), phrases()),
        // Weights in hundredths: what the file holds.
        prop::collection::vec((0..concepts as u8, 0u32..=100), 0..4),
    )
        .prop_map(|(id, (nl, fr, en), (tnl, tfr, ten), weights)| Need {
            id,
            label: Text { nl, fr, en },
            terms: Terms {
                nl: tnl,
                fr: tfr,
                en: ten,
            },
            concepts: Box::leak(
                weights
                    .into_iter()
                    .map(|(c, w)| (c, w as f32 / 100.0))
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
        })
}

fn fact_confidence() -> impl Strategy<Value = FactConfidence> {
    prop_oneof![
        Just(FactConfidence::High),
        Just(FactConfidence::Medium),
        Just(FactConfidence::Low)
    ]
}

/// Sources: URLs joined by the separator (none contains it).
fn sources() -> impl Strategy<Value = &'static str> {
    prop::collection::vec("https://[a-z]{1,8}\\.be/[a-z0-9%-]{0,12}", 1..4)
        .prop_map(|v| leak(v.join(FirstStop::SOURCE_SEPARATOR)))
}

fn source_date() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("undated"),
        "20[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?".prop_map(leak)
    ]
}

fn first_stop() -> impl Strategy<Value = FirstStop> {
    let text = || prop::option::of(field());
    (
        (
            prop_oneof![
                Just(FirstStopKind::SociaalHuis),
                Just(FirstStopKind::Ocmw),
                Just(FirstStopKind::Caw),
                Just(FirstStopKind::HuisVanHetKind),
                Just(FirstStopKind::Cpas)
            ],
            field(),
            text(),
            prop::option::of((
                field(),
                prop_oneof![Just(""), field()],
                prop_oneof![Just(""), field()],
            )),
        ),
        (text(), text(), text(), text()),
        (
            prop::option::of(Just("MO-FR 09:00-12:00; MO,TH 13:30-16:30")),
            text(),
            fact_confidence(),
            sources(),
            source_date(),
        ),
    )
        .prop_map(
            |(
                (kind, name, name_fr, address),
                (phone, email, website, chat),
                (hours, hours_text, confidence, sources, source_date),
            )| FirstStop {
                kind,
                name: Cow::Borrowed(name),
                name_fr: name_fr.map(Cow::Borrowed),
                address: address.map(|(street, postcode, city)| Address {
                    street,
                    postcode,
                    city,
                }),
                phone,
                email,
                website,
                chat,
                hours,
                hours_text,
                confidence,
                sources: Cow::Borrowed(sources),
                source_date,
                provider: None,
            },
        )
}

fn first_stop_table() -> impl Strategy<Value = FirstStopTable> {
    (
        prop::collection::vec((any::<u16>(), first_stop()), 0..8),
        prop::collection::vec(first_stop(), 0..5),
        prop::collection::vec(
            (
                any::<u16>(),
                any::<u8>(),
                fact_confidence(),
                prop_oneof![Just(""), sources()],
                source_date(),
            ),
            0..8,
        ),
    )
        .prop_map(|(local, caws, areas)| FirstStopTable {
            local,
            caws,
            areas: areas
                .into_iter()
                .map(
                    |(municipality, caw, confidence, sources, source_date)| CawArea {
                        municipality,
                        caw,
                        confidence,
                        sources,
                        source_date,
                    },
                )
                .collect(),
        })
}

/// A line of the sources file: a concept (key an id) or an offer (key `concept/offer`).
fn source_line() -> impl Strategy<Value = SourceLine<'static>> {
    let id = "[a-z0-9][a-z0-9-]{0,15}";
    let key = prop_oneof![
        id.prop_map(|k| (SOURCE_KIND_CONCEPT, k)),
        (id, id).prop_map(|(c, o)| (SOURCE_KIND_OFFER, format!("{c}{SOURCE_KEY_SEPARATOR}{o}"))),
    ];
    // Dates as the data states them: a day, a month, `onbekend`, free text, or nothing.
    let date = prop_oneof![
        Just(""),
        Just("onbekend"),
        date().prop_map(|d| leak(d.to_string())),
        field(),
    ];
    let url =
        "https://[a-z0-9.-]{1,20}(/[a-zA-Z0-9._~%!$&'()*+,;=:@?#-]{0,20}){0,3}".prop_map(leak);
    (key, prop::collection::vec((date, url), 0..6)).prop_map(|((kind, key), sources)| SourceLine {
        kind,
        key: Cow::Owned(key),
        sources,
    })
}

proptest! {
    #[test]
    fn first_stops_round_trip(table in first_stop_table()) {
        let text = leak(encode_first_stops(&table));
        prop_assert_eq!(decode_first_stops(text), table);
    }

    #[test]
    fn sources_round_trip(lines in prop::collection::vec(source_line(), 0..20)) {
        let text = leak(encode_sources(&lines));
        prop_assert_eq!(decode_sources(text).unwrap(), lines);
    }

    /// Lines of kinds the decoder does not know (not `c`, `o`, `f` or `t`) are skipped.
    #[test]
    fn sources_skip_unknown_kinds(
        lines in prop::collection::vec(source_line(), 0..10),
        other in prop::collection::vec(("[abdeg-np-su-z][a-z]{0,2}", field(), field()), 0..5),
    ) {
        let mut text = encode_sources(&lines);
        for (kind, key, rest) in &other {
            text.push_str(&format!("{kind}^{key}^{rest}\n"));
        }
        prop_assert_eq!(decode_sources(leak(text)).unwrap(), lines);
    }

    /// Whatever the file holds, reading it answers (an error or the lines), never panics.
    #[test]
    fn sources_never_panic(body in "(?s).{0,300}", header in any::<bool>()) {
        let text = if header { format!("{SOURCES_HEADER}\n{body}") } else { body };
        let _ = decode_sources(leak(text));
    }

    #[test]
    fn vocabularies_round_trip(
        needs in prop::collection::vec(need(crate::data::CONCEPTS.len()), 0..10),
        stopwords in "[a-z]{1,5}( [a-z]{1,5}){0,5}",
    ) {
        let concepts = crate::data::CONCEPTS;
        let text = leak(encode_vocabulary(&needs, &stopwords, concepts));
        let read = decode_vocabulary(text, concepts).unwrap();
        prop_assert_eq!(read.needs, needs);
        prop_assert_eq!(read.stopwords, stopwords.as_str());
        prop_assert!(read.skipped.is_empty());
    }

    #[test]
    fn municipalities_round_trip(rows in prop::collection::vec(municipality(), 0..20)) {
        let table = leak(encode_municipalities(&rows));
        prop_assert_eq!(decode_municipalities(table), rows);
    }

    #[test]
    fn localities_round_trip(rows in prop::collection::vec(locality(), 1..30)) {
        let table = leak(encode_localities(&rows));
        prop_assert_eq!(decode_localities(table), rows);
    }

    #[test]
    fn offers_round_trip(rows in prop::collection::vec(offer(), 0..10)) {
        let table = leak(encode_offers(&rows));
        prop_assert_eq!(decode_offers(table), rows);
    }
}

#[test]
fn the_builtin_sources_round_trip() {
    let data = crate::Dataset::builtin();
    let stops = data.every_first_stop();
    let text = leak(crate::Sources::to_text(
        data.concepts(),
        data.offers(),
        stops.iter().map(|(nis, f)| (*nis, f)),
    ));
    let sources = crate::Sources::parse(text).unwrap();
    // Every first stop finds its own sources by its key (municipality, kind, name).
    for (nis, f) in &stops {
        let urls: Vec<&str> = sources
            .of_first_stop(nis, f)
            .iter()
            .map(|s| s.url)
            .collect();
        let want: Vec<&str> = f.sources().collect();
        assert_eq!(urls, want, "{} {}", f.kind.id(), f.name);
        assert!(
            !urls.is_empty(),
            "{} {} has no sources",
            f.kind.id(),
            f.name
        );
    }
    let distinct: std::collections::BTreeSet<String> = stops
        .iter()
        .map(|(nis, f)| format!("{nis}/{}/{}", f.kind.id(), f.name))
        .collect();
    // A line per concept, per offer and per first stop, and two per concept for its texts for
    // professionals (`how` and `target`).
    assert_eq!(
        sources.len(),
        3 * data.concepts().len() + data.offers().len() + distinct.len()
    );
    for c in data.concepts() {
        for lang in crate::Lang::ALL {
            assert_eq!(
                sources.text(c.id, "how", lang),
                Some(c.how.get(lang)).filter(|t| !t.is_empty()),
                "{} how {lang:?}",
                c.id
            );
        }
    }
    for c in data.concepts() {
        let urls: Vec<&str> = sources.of_concept(c.id).iter().map(|s| s.url).collect();
        let want: Vec<&str> = c.sources.iter().map(|s| s.url).collect();
        assert_eq!(urls, want, "{}", c.id);
        assert!(!urls.is_empty(), "{} has no sources", c.id);
    }
    for o in data.offers() {
        let concept = &data.concepts()[o.concept as usize];
        let found = sources.of_offer(concept.id, &o.id);
        let urls: Vec<&str> = found.iter().map(|s| s.url).collect();
        let want: Vec<&str> = o.sources.iter().map(|s| s.as_ref()).collect();
        assert_eq!(urls, want, "{}/{}", concept.id, o.id);
        assert!(found.iter().all(|s| s.date == o.source_date), "{}", o.id);
    }
    assert!(crate::Sources::compiled_in());
    assert!(decode_sources("# hulpkompas sources 2\nc^x^2024\n").is_err());
    assert!(decode_sources("# hulpkompas sources 2\nc\n").is_err());
    assert!(decode_sources("").is_err());
}

/// What a web server, an editor or a copy-paste does to a text file on its way to the browser:
/// tabs to spaces (up to the next stop of 8), Windows line ends, spaces at the end of lines.
fn mangled_in_transit(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut col = 0;
        for c in line.chars() {
            if c == '\t' {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            } else {
                out.push(c);
                col += 1;
            }
        }
        out.push_str("  \r\n");
    }
    out
}

/// A vocabulary whose tabs were turned into spaces on the way is read whole (it was rejected
/// whole with tabs as the separator: every search by need then failed).
#[test]
fn the_vocabulary_survives_a_server_that_rewrites_whitespace() {
    let builtin = crate::Vocabulary::builtin();
    let text = leak(mangled_in_transit(&builtin.to_text()));
    let (read, skipped) = crate::Vocabulary::parse(text).unwrap();
    assert_eq!(skipped, Vec::<String>::new());
    assert_eq!(read.needs(), builtin.needs());
    assert_eq!(read.stopwords, builtin.stopwords);
}

/// The same for the sources: the folds keep their addresses.
#[test]
fn the_sources_survive_a_server_that_rewrites_whitespace() {
    let data = crate::Dataset::builtin();
    let stops = data.every_first_stop();
    let text = crate::Sources::to_text(
        data.concepts(),
        data.offers(),
        stops.iter().map(|(nis, f)| (*nis, f)),
    );
    let want = decode_sources(leak(text.clone())).unwrap();
    assert_eq!(
        decode_sources(leak(mangled_in_transit(&text))).unwrap(),
        want
    );
}

/// One line a proxy or a newer build broke costs that need, not the vocabulary.
#[test]
fn a_broken_vocabulary_line_is_skipped_and_named() {
    let text = crate::Vocabulary::builtin().to_text();
    let mut lines: Vec<&str> = text.lines().collect();
    let total = lines.iter().filter(|l| l.starts_with("need")).count();
    lines[3] = "need^half a line";
    let broken = lines[5].replacen("=", "=x", 1);
    lines[5] = &broken;
    let (read, skipped) = crate::Vocabulary::parse(leak(lines.join("\n"))).unwrap();
    assert_eq!(read.needs().len(), total - 2);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].starts_with("line 4: "), "{skipped:?}");
    assert!(skipped[1].starts_with("line 6: bad weight"), "{skipped:?}");
    // A file of nothing but broken lines is an error, not an empty vocabulary.
    assert!(crate::Vocabulary::parse("# hulpkompas vocabulary 2\nneed^x\n").is_err());
}

#[test]
fn the_builtin_tables_round_trip() {
    let m = crate::data::municipalities();
    assert_eq!(encode_municipalities(m), crate::data::MUNICIPALITY_TABLE);
    let l = crate::data::localities();
    assert_eq!(encode_localities(l), crate::data::LOCALITY_TABLE);
    let o = crate::data::offers();
    assert_eq!(decode_offers(leak(encode_offers(&o))), o);
    let f = crate::data::first_stops();
    assert_eq!(encode_first_stops(f), crate::data::FIRST_STOP_TABLE);
}

proptest! {
    /// The byte-loop reader of the compiled-in tables splits as `str::split` does, whatever the
    /// text (empty parts, separators at either end, non-ASCII letters).
    #[test]
    fn parts_split_as_str_split(s in "[a,;é\t0-9]{0,30}") {
        for sep in [',', ';', '\t'] {
            let ours: Vec<&str> = Parts::new(&s, sep as u8).collect();
            let std: Vec<&str> = s.split(sep).collect();
            prop_assert_eq!(ours, std);
        }
        // A byte that is not ASCII never splits (it could fall inside a letter).
        prop_assert_eq!(Parts::new(&s, 0xA9).collect::<Vec<_>>(), vec![s.as_str()]);
    }

    /// A table's lines are `str::lines`' (the generator ends every line with `\n`).
    #[test]
    fn table_lines_are_str_lines(s in "[ab\t\n]{0,30}") {
        let ours: Vec<&str> = table_lines(&s).collect();
        let std: Vec<&str> = s.lines().collect();
        prop_assert_eq!(ours, std);
    }

    /// Numbers read as `str::parse` reads the digits the encoders write: `None` for anything
    /// else, an empty field or a number too large for the type.
    #[test]
    fn numbers_read_as_str_parse(s in "[0-9]{0,7}|[0-9]{0,3}[a -][0-9]{0,2}") {
        prop_assert_eq!(number::<u8>(&s), s.parse::<u8>().ok());
        prop_assert_eq!(number::<u16>(&s), s.parse::<u16>().ok());
    }
}
