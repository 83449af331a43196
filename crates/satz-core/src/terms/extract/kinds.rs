//! Kinds of nouns a news desk's term base does not take however rare they
//! are in general German: calendar words (`Donnerstagabend`,
//! `Weihnachtsfeiertage`), ages (`Achtzigjährige`) and people in general,
//! named by an occupation or a general role (`Neurochirurgen`,
//! `Regierungsbeamte`, `Flugzeughersteller`). Offices and roles in an
//! institution (`Kongressabgeordnete`, `Präsidentschaftskandidat`,
//! `Stellvertreter`, `Volksvertreter`) are not among them: they are terms.
//!
//! The tests read the noun's last hyphenated part, folded (lower case,
//! umlauts as plain vowels), after an inflection ending is taken off:
//!
//! * **calendar**: a weekday, month, holiday, `Feiertag` or `Wochenende`
//!   alone (`Montags`, `Juli`; not `Montage`, assembly); a compound whose
//!   head is `Feiertag` or `Wochenende` (`Nationalfeiertag`); a compound of
//!   a weekday or holiday and a time word (`Donnerstag|abend`,
//!   `Weihnachts|feiertage`, `Oster|wochenende`, `Silvester|nacht`,
//!   `Pfingst|ferien`). A time word after anything else is no calendar word
//!   (`Kristallnacht`, `Wahlnacht`), nor is a month before a noun
//!   (`Oktoberrevolution`, `Oktoberfest`).
//! * **age**: a number word before `-jährige` (`Achtzig|jährige`,
//!   `Zweiundzwanzig|jähriger`; not `Minderjährige`, a legal term).
//! * **people**: the head is one of a short list of occupations and general
//!   roles ([`PEOPLE_HEADS`]), or a firm (`-unternehmen`, `-konzern`,
//!   `-firma`: a firm of a trade is as general as the trade) unless its
//!   first part makes it a term of economics or law (`Tochterunternehmen`,
//!   `Mutterkonzern`, `Staatsunternehmen`, `Briefkastenfirma`:
//!   [`FIRM_HEADS`], [`FIRM_TERMS`]).

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

/// Weekdays.
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

/// Months (alone and as spelt only: `Oktoberrevolution` is an event,
/// `Mais` is maize).
const MONTHS: &[&str] = &[
    "januar",
    "janner",
    "februar",
    "marz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Holidays, alone or as the first part of a time word (`Oster|montag`,
/// `Pfingst|ferien`): the word and its compound stem.
const HOLIDAYS: &[&str] = &[
    "weihnachten",
    "weihnacht",
    "ostern",
    "oster",
    "pfingsten",
    "pfingst",
    "silvester",
    "neujahr",
    "heiligabend",
];

/// Heads that make a compound a calendar word whatever comes before.
const CALENDAR_HEADS: &[&str] = &["feiertag", "wochenende"];

/// Time words that make a compound a calendar word after a weekday or a
/// holiday.
const TIME_WORDS: &[&str] = &[
    "abend",
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "nacht",
    "tag",
    "feiertag",
    "wochenende",
    "woche",
    "ferien",
    "montag",
];

/// Heads naming people (or a firm) by occupation or a general role.
pub(super) const PEOPLE_HEADS: &[&str] = &[
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

/// Heads naming a firm of a trade (`Bau|unternehmen`, `Öl|konzern`,
/// `Sicherheits|firma`): as general as the trade, unless a part of
/// [`FIRM_TERMS`] comes before. Not `-gesellschaft`, whose compounds name
/// legal forms as often (`Tochtergesellschaft`, `Aktiengesellschaft`).
pub(super) const FIRM_HEADS: &[&str] = &["unternehmen", "konzern", "firma", "firmen"];

/// First parts that make a firm a term of economics or law: the firm's
/// place in a group (`Tochter|unternehmen`, `Mutter|konzern`,
/// `Schwester|firma`, `Beteiligungs|unternehmen`, `Nachfolge|konzern`), a
/// joint venture (`Gemeinschafts|unternehmen`), its owner
/// (`Staats|unternehmen`), a sham (`Schein|firma`, `Tarn|firma`,
/// `Briefkasten|firma`) or a regulated kind (`Versorgungs|unternehmen`).
const FIRM_TERMS: &[&str] = &[
    "tochter",
    "mutter",
    "staats",
    "staat",
    "schein",
    "tarn",
    "briefkasten",
    "versorgungs",
    "schwester",
    "gemeinschafts",
    "nachfolge",
    "beteiligungs",
];

/// Number words an age noun starts with (folded), the ones a longer number
/// word ends in included (`zweiundzwanzig`, `dreizehn`).
const NUMBER_WORDS: &[&str] = &[
    "ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwolf", "zwanzig", "ssig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig", "neunzig",
    "hundert",
];

/// Inflection endings taken off a noun before it is compared.
const ENDINGS: &[&str] = &["", "n", "en", "e", "s", "es", "r", "in", "innen"];

/// The kind of the noun `noun` (a candidate's noun, any case) if it is a
/// calendar word, an age or a person in general.
pub(super) fn everyday_kind(noun: &str) -> Option<Everyday> {
    let word = fold_umlauts(&key(noun));
    let last = word
        .rsplit(['-', '\u{2010}', '\u{2011}'])
        .next()
        .unwrap_or(&word);
    let stems: Vec<&str> = ENDINGS
        .iter()
        .filter_map(|e| last.strip_suffix(e))
        .filter(|s| s.chars().count() >= 3)
        .collect();
    if is_calendar(last) {
        return Some(Everyday::Calendar);
    }
    let age = stems.iter().any(|s| {
        ["jahrige", "jahriger"].iter().any(|j| {
            s.strip_suffix(j)
                .is_some_and(|n| NUMBER_WORDS.iter().any(|w| n.ends_with(w)))
        })
    });
    if age {
        return Some(Everyday::Age);
    }
    if stems
        .iter()
        .any(|s| PEOPLE_HEADS.iter().any(|h| s.ends_with(h)))
    {
        return Some(Everyday::People);
    }
    let trade_firm = stems.iter().any(|s| {
        FIRM_HEADS.iter().any(|h| {
            s.strip_suffix(h)
                .is_some_and(|first| !FIRM_TERMS.iter().any(|t| first.ends_with(t)))
        })
    });
    trade_firm.then_some(Everyday::People)
}

/// Whether the folded word `w` is a calendar word (see the module
/// documentation).
fn is_calendar(w: &str) -> bool {
    let alone = |list: &[&str]| {
        list.iter()
            .any(|c| w == *c || w.strip_prefix(c).is_some_and(|r| r == "s" || r == "e"))
    };
    if MONTHS.contains(&w)
        || alone(HOLIDAYS)
        || WEEKDAYS
            .iter()
            .any(|d| w == *d || w.strip_suffix('s') == Some(*d))
    {
        return true;
    }
    let ends_with_word = |heads: &[&str]| {
        ["", "e", "en", "n", "s", "es"].iter().any(|e| {
            w.strip_suffix(e)
                .is_some_and(|s| heads.iter().any(|h| s.ends_with(h)))
        })
    };
    if ends_with_word(CALENDAR_HEADS) {
        return true;
    }
    // A weekday or holiday, maybe with a linking `s`, then a time word.
    WEEKDAYS.iter().chain(HOLIDAYS).any(|first| {
        w.strip_prefix(first).is_some_and(|rest| {
            let rest = rest
                .strip_prefix('s')
                .filter(|r| r.len() >= 3)
                .unwrap_or(rest);
            ["", "e", "en", "n", "s"].iter().any(|e| {
                rest.strip_suffix(e)
                    .is_some_and(|t| TIME_WORDS.contains(&t))
            })
        })
    })
}
