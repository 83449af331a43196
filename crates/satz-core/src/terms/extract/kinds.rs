//! Kinds of nouns a news desk's term base does not take however rare they
//! are in general German: calendar words (`Donnerstagabend`,
//! `Weihnachtsfeiertage`), ages (`Achtzigjährige`) and people in general,
//! named by an occupation or a general role (`Neurochirurgen`,
//! `Regierungsbeamte`, `Flugzeughersteller`). Offices and roles in an
//! institution (`Kongressabgeordnete`, `Präsidentschaftskandidat`) are not
//! among them: they are terms.
//!
//! The test is on the noun's head, the end of the word after its
//! inflection is taken off: a compound whose head is one of the short
//! lists below is of that kind. Calendar words are also recognised as the
//! first part (`Weihnachts|feiertage`, `Montags|demonstration` is not: a
//! weekday as first part only counts before a time-of-day head).

use crate::text::words::{fold_umlauts, key};

/// The kind of a noun that is no term, if it is one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Everyday {
    /// A weekday, month, holiday or time of day (`Donnerstagabend`).
    Calendar,
    /// A person by age (`Achtzigjährige`).
    Age,
    /// A person or firm by occupation or a general role (`Neurochirurg`).
    People,
}

/// The factor `W` of a noun of kind `kind` (1 for any other noun).
pub(super) fn factor(kind: Option<Everyday>) -> f64 {
    match kind {
        Some(Everyday::Calendar | Everyday::Age) => 0.2,
        Some(Everyday::People) => 0.3,
        None => 1.0,
    }
}

/// Heads that make a compound a time expression (folded keys).
const TIME_HEADS: &[&str] = &[
    "abend",
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "nacht",
    "feiertag",
    "wochenende",
];

/// Calendar names that make any compound with them a calendar word.
const CALENDAR_NAMES: &[&str] = &[
    "weihnacht",
    "weihnachten",
    "ostern",
    "pfingsten",
    "silvester",
    "neujahr",
    "januar",
    "janner",
    "februar",
    "marz",
    "april",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Weekdays: a calendar word before a time-of-day head or alone.
const WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
];

/// Heads naming people (or a firm) by occupation or a general role.
const PEOPLE_HEADS: &[&str] = &[
    "experte",
    "wissenschaftler",
    "forscher",
    "analytiker",
    "analyst",
    "chirurg",
    "arzt",
    "arzte",
    "beamte",
    "beamter",
    "vertreter",
    "mitarbeiter",
    "angestellte",
    "angestellter",
    "spieler",
    "fahrer",
    "besucher",
    "bewohner",
    "einwohner",
    "nutzer",
    "hersteller",
];

/// Inflection endings taken off a noun before its head is compared.
const ENDINGS: &[&str] = &["", "n", "en", "e", "s", "es", "r", "in", "innen"];

/// The kind of the noun `head` (a candidate's noun, any case) if it is a
/// calendar word, an age or a person in general.
pub(super) fn everyday_kind(head: &str) -> Option<Everyday> {
    let word = fold_umlauts(&key(head));
    let last = word.rsplit('-').next().unwrap_or(&word);
    let stems = || {
        ENDINGS
            .iter()
            .filter_map(|e| last.strip_suffix(e))
            .filter(|s| s.chars().count() >= 3)
    };
    let ends_with_any = |list: &[&str]| stems().any(|s| list.iter().any(|h| s.ends_with(h)));
    let is_calendar = ends_with_any(TIME_HEADS)
        || ends_with_any(WEEKDAYS)
        || word
            .split('-')
            .any(|p| CALENDAR_NAMES.iter().any(|c| starts_with_part(p, c)));
    if is_calendar {
        return Some(Everyday::Calendar);
    }
    if stems().any(|s| s.ends_with("jahrige") || s.ends_with("jahriger")) {
        return Some(Everyday::Age);
    }
    if ends_with_any(PEOPLE_HEADS) {
        return Some(Everyday::People);
    }
    None
}

/// Whether `part` starts with the calendar name `name` as a whole first
/// part: `name` alone, or before a linking `s` and a part of four letters
/// or more (`weihnachtsfeiertage`), or, for a name of seven letters or more,
/// directly before such a part (`dezembertage`); a short name must be
/// followed by the linking `s` (`junisonne` is missed, `juniorpartner`
/// and `augustiner` are no calendar words).
fn starts_with_part(part: &str, name: &str) -> bool {
    let Some(rest) = part.strip_prefix(name) else {
        return false;
    };
    let long_part = |r: &str| r.chars().count() >= 4;
    rest.is_empty()
        || rest.strip_prefix('s').is_some_and(long_part)
        || (name.chars().count() >= 7 && long_part(rest))
}
