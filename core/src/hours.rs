//! Opening hours as people need them: today's hours, and whether a place is open now, in Belgian
//! time (Europe/Brussels) whatever the visitor's own clock says.
//!
//! Belgian time is UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of
//! October 01:00 UTC (EU Directive 2000/84/EC, the same instant everywhere in the Union). Computing
//! it here keeps the widget free of `Intl` and its time-zone database, and makes it testable.

use crate::model::{Date, Lang, OpeningHours};

/// A moment in Belgian time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// The date in Belgium.
    pub date: Date,
    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes after midnight.
    pub minute: u16,
}

/// Days since 1970-01-01 of a date (proleptic Gregorian; Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (`civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The day (since 1970-01-01) of the last Sunday of a month.
fn last_sunday(year: i64, month: i64) -> i64 {
    let last = days_from_civil(year, month + 1, 1) - 1;
    // 1970-01-01 was a Thursday: weekday (0 = Monday) is (days + 3) mod 7.
    last - (last + 3 - 6).rem_euclid(7)
}

/// Belgian time at `utc_ms` milliseconds since 1970-01-01 UTC (what `Date.now()` gives).
///
/// ```
/// use hulpkompas_core::hours::brussels_time;
/// // 2026-12-02 08:30 UTC is 09:30 in Brussels (winter time), a Wednesday.
/// let t = brussels_time(1_796_200_200_000.0);
/// assert_eq!((t.date.year, t.date.month, t.date.day, t.weekday, t.minute), (2026, 12, 2, 2, 9 * 60 + 30));
/// ```
pub fn brussels_time(utc_ms: f64) -> LocalTime {
    let utc_min = (utc_ms / 60_000.0).floor() as i64;
    let day = utc_min.div_euclid(1440);
    let (year, _, _) = civil_from_days(day);
    // Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
    // October.
    let start = last_sunday(year, 3) * 1440 + 60;
    let end = last_sunday(year, 10) * 1440 + 60;
    let offset = if (start..end).contains(&utc_min) {
        120
    } else {
        60
    };
    let local = utc_min + offset;
    let local_day = local.div_euclid(1440);
    let (y, m, d) = civil_from_days(local_day);
    LocalTime {
        date: Date {
            year: y as u16,
            month: m as u8,
            day: d as u8,
        },
        weekday: (local_day + 3).rem_euclid(7) as u8,
        minute: local.rem_euclid(1440) as u16,
    }
}

/// Whether a place is open at a moment, and what comes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenNow {
    /// Open now, until this minute of today.
    Open {
        /// Closes at (minutes after midnight).
        until: u16,
    },
    /// Closed now; opens later today at this minute.
    OpensToday {
        /// Opens at (minutes after midnight).
        at: u16,
    },
    /// Closed now and for the rest of today; opens on `weekday` (0 = Monday) at `at`.
    OpensOn {
        /// The day it opens next.
        weekday: u8,
        /// Opens at (minutes after midnight).
        at: u16,
    },
    /// No opening hours on any day.
    Never,
}

/// The periods of one day (0 = Monday), sorted by opening time: `(from, to)` in minutes.
pub fn on_day(hours: &[OpeningHours], weekday: u8) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = hours
        .iter()
        .filter(|h| h.days & (1 << weekday) != 0)
        .map(|h| (h.from, h.to))
        .collect();
    crate::sort::insertion_sort_by(&mut out, |a, b| a.0 < b.0);
    out
}

/// Whether the place is open at `t`, else when it opens next.
///
/// ```
/// use hulpkompas_core::hours::{open_now, LocalTime, OpenNow};
/// use hulpkompas_core::{Date, OpeningHours};
/// let h = OpeningHours::parse("MO-FR 09:00-12:00; MO 14:00-16:00").unwrap();
/// let at = |weekday, minute| LocalTime { date: Date { year: 2026, month: 11, day: 30 }, weekday, minute };
/// assert_eq!(open_now(&h, at(0, 10 * 60)), OpenNow::Open { until: 12 * 60 });
/// assert_eq!(open_now(&h, at(0, 12 * 60)), OpenNow::OpensToday { at: 14 * 60 });
/// assert_eq!(open_now(&h, at(4, 13 * 60)), OpenNow::OpensOn { weekday: 0, at: 9 * 60 });
/// ```
pub fn open_now(hours: &[OpeningHours], t: LocalTime) -> OpenNow {
    let today = on_day(hours, t.weekday);
    if let Some(&(_, to)) = today
        .iter()
        .find(|(f, to)| *f <= t.minute && t.minute < *to)
    {
        return OpenNow::Open { until: to };
    }
    if let Some(&(from, _)) = today.iter().find(|(f, _)| *f > t.minute) {
        return OpenNow::OpensToday { at: from };
    }
    for ahead in 1..=7u8 {
        let weekday = (t.weekday + ahead) % 7;
        if let Some(&(from, _)) = on_day(hours, weekday).first() {
            return OpenNow::OpensOn { weekday, at: from };
        }
    }
    OpenNow::Never
}

/// `09:00`.
pub fn clock(minute: u16) -> String {
    let (h, m) = (minute / 60, minute % 60);
    let d = |n: u16| char::from(b'0' + n as u8);
    [d(h / 10), d(h % 10), ':', d(m / 10), d(m % 10)]
        .iter()
        .collect()
}

/// The name of a weekday (0 = Monday) in `lang`.
pub fn weekday_name(weekday: u8, lang: Lang) -> &'static str {
    let names: [&str; 7] = match lang {
        Lang::Nl => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
        Lang::Fr => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    };
    names[weekday as usize % 7]
}

/// Today's hours and the status now, in one line: "Vandaag 09:00–12:00 · nu open tot 12:00",
/// "Vandaag gesloten · opent maandag om 09:00".
///
/// ```
/// use hulpkompas_core::hours::{today_line, LocalTime};
/// use hulpkompas_core::{Date, Lang, OpeningHours};
/// let h = OpeningHours::parse("MO-FR 09:00-12:00; TH 13:30-18:00").unwrap();
/// let thu = |minute| LocalTime { date: Date { year: 2026, month: 12, day: 3 }, weekday: 3, minute };
/// assert_eq!(today_line(&h, thu(10 * 60), Lang::Nl), "Vandaag 09:00–12:00, 13:30–18:00 · nu open tot 12:00");
/// assert_eq!(today_line(&h, thu(12 * 60 + 5), Lang::Nl), "Vandaag 09:00–12:00, 13:30–18:00 · nu gesloten, opent om 13:30");
/// assert_eq!(today_line(&h, thu(19 * 60), Lang::En), "Today 09:00–12:00, 13:30–18:00 · closed now, opens Friday at 09:00");
/// let sat = LocalTime { weekday: 5, ..thu(10 * 60) };
/// assert_eq!(today_line(&h, sat, Lang::Fr), "Aujourd'hui fermé · ouvre lundi à 09:00");
/// ```
pub fn today_line(hours: &[OpeningHours], t: LocalTime, lang: Lang) -> String {
    let today = on_day(hours, t.weekday);
    let spans: Vec<String> = today
        .iter()
        .map(|&(f, to)| [clock(f), clock(to)].join("–"))
        .collect();
    let (word, closed) = match lang {
        Lang::Nl => ("Vandaag", "gesloten"),
        Lang::Fr => ("Aujourd'hui", "fermé"),
        Lang::En => ("Today", "closed"),
    };
    let head = if spans.is_empty() {
        [word, closed].join(" ")
    } else {
        [word, &spans.join(", ")].join(" ")
    };
    let now = match (open_now(hours, t), lang) {
        (OpenNow::Open { until }, Lang::Nl) => format!("nu open tot {}", clock(until)),
        (OpenNow::Open { until }, Lang::Fr) => format!("ouvert jusqu'à {}", clock(until)),
        (OpenNow::Open { until }, Lang::En) => format!("open now until {}", clock(until)),
        (OpenNow::OpensToday { at }, Lang::Nl) => format!("nu gesloten, opent om {}", clock(at)),
        (OpenNow::OpensToday { at }, Lang::Fr) => format!("fermé, ouvre à {}", clock(at)),
        (OpenNow::OpensToday { at }, Lang::En) => format!("closed now, opens at {}", clock(at)),
        (OpenNow::OpensOn { weekday, at }, _) if !spans.is_empty() => match lang {
            Lang::Nl => format!(
                "nu gesloten, opent {} om {}",
                weekday_name(weekday, lang),
                clock(at)
            ),
            Lang::Fr => format!(
                "fermé, ouvre {} à {}",
                weekday_name(weekday, lang),
                clock(at)
            ),
            Lang::En => format!(
                "closed now, opens {} at {}",
                weekday_name(weekday, lang),
                clock(at)
            ),
        },
        (OpenNow::OpensOn { weekday, at }, Lang::Nl) => {
            format!("opent {} om {}", weekday_name(weekday, lang), clock(at))
        }
        (OpenNow::OpensOn { weekday, at }, Lang::Fr) => {
            format!("ouvre {} à {}", weekday_name(weekday, lang), clock(at))
        }
        (OpenNow::OpensOn { weekday, at }, Lang::En) => {
            format!("opens {} at {}", weekday_name(weekday, lang), clock(at))
        }
        (OpenNow::Never, _) => return head,
    };
    [head, now].join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTC milliseconds of a UTC date and time.
    fn utc(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> f64 {
        ((days_from_civil(y, mo, d) * 1440 + h * 60 + mi) * 60_000) as f64
    }

    fn local(t: LocalTime) -> (u16, u8, u8, u8, u16) {
        (t.date.year, t.date.month, t.date.day, t.weekday, t.minute)
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sundays() {
        // 2026: last Sunday of March is the 29th, of October the 25th (calendar).
        assert_eq!(
            local(brussels_time(utc(2026, 3, 29, 0, 59))),
            (2026, 3, 29, 6, 60 + 59)
        );
        assert_eq!(
            local(brussels_time(utc(2026, 3, 29, 1, 0))),
            (2026, 3, 29, 6, 3 * 60)
        );
        assert_eq!(
            local(brussels_time(utc(2026, 10, 25, 0, 59))),
            (2026, 10, 25, 6, 2 * 60 + 59)
        );
        assert_eq!(
            local(brussels_time(utc(2026, 10, 25, 1, 0))),
            (2026, 10, 25, 6, 2 * 60)
        );
        // A summer afternoon and a winter evening that is already tomorrow in Brussels.
        assert_eq!(
            local(brussels_time(utc(2026, 7, 1, 12, 0))),
            (2026, 7, 1, 2, 14 * 60)
        );
        assert_eq!(
            local(brussels_time(utc(2026, 12, 31, 23, 30))),
            (2027, 1, 1, 4, 30)
        );
        // 2024 was a leap year: 29 February was a Thursday.
        assert_eq!(
            local(brussels_time(utc(2024, 2, 29, 8, 0))),
            (2024, 2, 29, 3, 9 * 60)
        );
    }

    #[test]
    fn open_now_around_the_edges() {
        let h = OpeningHours::parse("MO-FR 09:00-12:00; WE 13:00-16:00").unwrap();
        let at = |weekday, minute| LocalTime {
            date: Date {
                year: 2026,
                month: 12,
                day: 2,
            },
            weekday,
            minute,
        };
        assert_eq!(
            open_now(&h, at(2, 9 * 60 - 1)),
            OpenNow::OpensToday { at: 9 * 60 }
        );
        assert_eq!(
            open_now(&h, at(2, 9 * 60)),
            OpenNow::Open { until: 12 * 60 }
        );
        assert_eq!(
            open_now(&h, at(2, 16 * 60)),
            OpenNow::OpensOn {
                weekday: 3,
                at: 9 * 60
            }
        );
        assert_eq!(
            open_now(&h, at(6, 23 * 60)),
            OpenNow::OpensOn {
                weekday: 0,
                at: 9 * 60
            }
        );
        assert_eq!(open_now(&[], at(0, 0)), OpenNow::Never);
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(23 * 60 + 59), "23:59");
    }
}
