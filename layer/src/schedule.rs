//! HSDS `schedules` into the machine format of opening hours (`MO,TU 09:00-12:00; TH 13:30-18:00`,
//! see `hulpkompas_core::OpeningHours::parse`).

use crate::service::Reader;
use hulpkompas_core::{Date, OpeningHours};
use serde_json::Value;

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

impl Reader {
    /// The periods valid today in the machine format, and the descriptions as written (joined by
    /// `"; "`), from a list of schedules at `path`.
    pub(crate) fn schedules(&mut self, list: &[Value], path: &str) -> (String, String) {
        let (mut periods, mut descriptions) = (Vec::new(), Vec::new());
        for (i, v) in list.iter().enumerate() {
            let p = format!("{path}.schedules[{i}]");
            let Some(s) = self.object(v, &p) else {
                continue;
            };
            if let Some(d) = self.text(s, "description", &p) {
                descriptions.push(d);
            }
            if !self.valid_today(s, &p) {
                continue;
            }
            let (freq, byday) = (self.text(s, "freq", &p), self.text(s, "byday", &p));
            let (opens, closes) = (self.text(s, "opens_at", &p), self.text(s, "closes_at", &p));
            if freq.is_none() && byday.is_none() && opens.is_none() && closes.is_none() {
                continue; // a description only
            }
            match freq.as_deref() {
                Some(f) if f.eq_ignore_ascii_case("WEEKLY") => {}
                Some(f) => {
                    self.problem(&format!("{p}.freq"), format!("\"{f}\" is not read: only WEEKLY schedules are; the schedule is left out"));
                    continue;
                }
                None => {
                    self.problem(
                        &format!("{p}.freq"),
                        "write freq \"WEEKLY\"; the schedule is left out".into(),
                    );
                    continue;
                }
            }
            let Some(days) = self.days(byday.as_deref(), &p) else {
                continue;
            };
            let (Some(opens), Some(closes)) = (
                self.time(opens.as_deref(), &format!("{p}.opens_at")),
                self.time(closes.as_deref(), &format!("{p}.closes_at")),
            ) else {
                continue;
            };
            let period = format!("{days} {opens}-{closes}");
            match OpeningHours::parse(&period) {
                Ok(_) => periods.push(period),
                Err(e) => self.problem(&p, format!("{e}; the schedule is left out")),
            }
        }
        (periods.join("; "), descriptions.join("; "))
    }

    /// Whether today lies within `valid_from` … `valid_to` (each optional).
    fn valid_today(&mut self, s: &serde_json::Map<String, Value>, p: &str) -> bool {
        let mut valid = true;
        for (field, from) in [("valid_from", true), ("valid_to", false)] {
            let Some(d) = self.text(s, field, p) else {
                continue;
            };
            match Date::parse(&d) {
                Some(d) if from => valid &= d <= self.today,
                Some(d) => valid &= d >= self.today,
                None => {
                    let m = format!("\"{d}\" is no date YYYY-MM-DD; the schedule is left out");
                    self.problem(&format!("{p}.{field}"), m);
                    valid = false;
                }
            }
        }
        valid
    }

    /// `byday` (`MO,TU,WE`) checked and upper-cased.
    fn days(&mut self, byday: Option<&str>, p: &str) -> Option<String> {
        let path = format!("{p}.byday");
        let Some(byday) = byday else {
            self.problem(
                &path,
                "say on which days (byday \"MO,TU,WE,TH,FR\"); the schedule is left out".into(),
            );
            return None;
        };
        let mut out = Vec::new();
        for d in byday.split(',').map(|d| d.trim().to_ascii_uppercase()) {
            if !DAYS.contains(&d.as_str()) {
                self.problem(
                    &path,
                    format!("\"{d}\" is no day (MO TU WE TH FR SA SU); the schedule is left out"),
                );
                return None;
            }
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out.sort_by_key(|d| DAYS.iter().position(|x| x == d));
        Some(out.join(","))
    }

    /// `HH:MM` or `HH:MM:SS` as `HH:MM`.
    fn time(&mut self, t: Option<&str>, path: &str) -> Option<String> {
        let Some(t) = t else {
            self.problem(
                path,
                "the time is missing (HH:MM); the schedule is left out".into(),
            );
            return None;
        };
        let hm = t.strip_suffix(":00").filter(|_| t.len() == 8).unwrap_or(t);
        let ok = matches!(hm.as_bytes(), [h1, h2, b':', m1, m2]
            if [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && *m1 <= b'5');
        if !ok {
            self.problem(
                path,
                format!("\"{t}\" is no time HH:MM; the schedule is left out"),
            );
            return None;
        }
        Some(hm.to_string())
    }
}
