//! The header row of a CSV or tab-separated glossary: which cells name a
//! language (tag, English or German name, with a region), a side
//! (`source`, `target`, `term`) or a field (`note`, `forbidden`, `pos` ...),
//! when a first row is a header, and boolean columns (Matecat's
//! `Forbidden`).

/// A column of a file with a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Col {
    Source,
    Target,
    Lang(String),
    /// A note on the terms of one language (memoQ's `German_Def`,
    /// `de_description`, `DE-DE comment`).
    LangNote(String),
    Note,
    /// Forbidden translations, `;`-separated.
    Forbidden,
    /// A yes/no column (Matecat's `Forbidden` `TRUE`/`FALSE`): yes makes
    /// the row's translations forbidden.
    ForbiddenFlag,
    Pos,
    Status,
    Forms,
    CaseSensitive,
    Match,
}

/// The two-letter language codes (ISO 639-1).
pub(super) const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce \
     ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
     ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr \
     ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn \
     no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
     sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh \
     yi yo za zh zu";

/// Three-letter codes (ISO 639-2/3) of languages a German-English
/// translator's files may name.
pub(super) const ISO_639_3: &str = "deu ger gsw bar nds eng fra fre ita spa nld dut por pol rus ces cze dan \
     swe nor nob nno fin hun jpn zho chi cmn yue kor ara tur ell gre ukr ron rum bul hrv srp slk \
     slo slv est lav lit cat eus baq glg gle isl ice ltz heb hin fas per";

/// Script subtags a header's language tag may have.
pub(super) const SCRIPTS: &[&str] = &[
    "latn", "cyrl", "grek", "arab", "hebr", "hans", "hant", "jpan", "kore",
];

/// Language names a header may use, with their primary subtags.
pub(super) const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("german", "de"),
    ("deutsch", "de"),
    ("english", "en"),
    ("englisch", "en"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("französisch", "fr"),
    ("spanish", "es"),
    ("spanisch", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("italian", "it"),
    ("italienisch", "it"),
    ("italiano", "it"),
    ("dutch", "nl"),
    ("niederländisch", "nl"),
    ("nederlands", "nl"),
    ("portuguese", "pt"),
    ("portugiesisch", "pt"),
    ("português", "pt"),
    ("polish", "pl"),
    ("polnisch", "pl"),
    ("russian", "ru"),
    ("russisch", "ru"),
    ("swedish", "sv"),
    ("schwedisch", "sv"),
    ("danish", "da"),
    ("dänisch", "da"),
    ("norwegian", "no"),
    ("norwegisch", "no"),
    ("finnish", "fi"),
    ("finnisch", "fi"),
    ("czech", "cs"),
    ("tschechisch", "cs"),
    ("hungarian", "hu"),
    ("ungarisch", "hu"),
    ("japanese", "ja"),
    ("japanisch", "ja"),
    ("chinese", "zh"),
    ("chinesisch", "zh"),
    ("korean", "ko"),
    ("koreanisch", "ko"),
    ("turkish", "tr"),
    ("türkisch", "tr"),
    ("greek", "el"),
    ("griechisch", "el"),
    ("ukrainian", "uk"),
    ("ukrainisch", "uk"),
    ("romanian", "ro"),
    ("rumänisch", "ro"),
    ("arabic", "ar"),
    ("arabisch", "ar"),
    ("croatian", "hr"),
    ("kroatisch", "hr"),
];

/// Region names a header may add to a language name (`English (United
/// Kingdom)`, `Deutsch (Schweiz)`), with their region subtags.
pub(super) const REGIONS: &[(&str, &str)] = &[
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("uk", "GB"),
    ("vereinigtes königreich", "GB"),
    ("großbritannien", "GB"),
    ("united states", "US"),
    ("usa", "US"),
    ("america", "US"),
    ("vereinigte staaten", "US"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("austria", "AT"),
    ("österreich", "AT"),
    ("switzerland", "CH"),
    ("schweiz", "CH"),
    ("liechtenstein", "LI"),
    ("luxembourg", "LU"),
    ("luxemburg", "LU"),
    ("belgium", "BE"),
    ("belgien", "BE"),
    ("france", "FR"),
    ("frankreich", "FR"),
    ("canada", "CA"),
    ("kanada", "CA"),
    ("australia", "AU"),
    ("australien", "AU"),
    ("ireland", "IE"),
    ("irland", "IE"),
    ("new zealand", "NZ"),
    ("neuseeland", "NZ"),
    ("south africa", "ZA"),
    ("südafrika", "ZA"),
    ("india", "IN"),
    ("indien", "IN"),
];

/// Codes a header cell may combine with other words (`Term [en]`,
/// `en_description`): the languages of [`LANGUAGE_NAMES`], fewer than the
/// codes a cell of its own may be, since short codes are often words.
pub(super) const COMBINED_CODES: &[&str] = &[
    "de", "en", "fr", "es", "nl", "pt", "pl", "ru", "sv", "da", "fi", "cs", "hu", "ja", "zh", "ko",
    "tr", "el", "uk", "ro", "ar", "hr", "it",
];

/// Words that, with a language, name its terms (`German term`,
/// `Translation (en)`).
pub(super) const TERM_WORDS: &[&str] = &[
    "term",
    "terms",
    "translation",
    "translations",
    "source",
    "target",
    "begriff",
    "benennung",
    "übersetzung",
    "ausgangssprache",
    "zielsprache",
];

/// Words that, with a language, name a note on its terms (memoQ's
/// `German_Def`, `de_description`, `EN-GB comment`).
pub(super) const NOTE_WORDS: &[&str] = &[
    "note",
    "notes",
    "comment",
    "comments",
    "def",
    "definition",
    "description",
    "remark",
    "remarks",
    "kommentar",
    "anmerkung",
    "anmerkungen",
    "bemerkung",
    "bemerkungen",
    "hinweis",
    "beschreibung",
    "notiz",
];

/// A column named by a word of its own.
pub(super) fn named_column(name: &str) -> Option<Col> {
    Some(match name {
        "source" | "source term" | "src" | "term" | "source_term" | "begriff"
        | "ausgangssprache" | "ausgangsbegriff" => Col::Source,
        "target" | "target term" | "tgt" | "translation" | "target_term" | "übersetzung"
        | "zielsprache" | "zielbegriff" => Col::Target,
        "note" | "notes" | "comment" | "comments" | "definition" | "description" | "remark"
        | "remarks" | "entry_note" | "entry note" | "kommentar" | "kommentare" | "anmerkung"
        | "anmerkungen" | "bemerkung" | "bemerkungen" | "hinweis" | "hinweise" | "notiz"
        | "notizen" | "beschreibung" | "erläuterung" => Col::Note,
        "forbidden" | "do not use" | "not recommended" | "verboten" | "nicht verwenden" => {
            Col::Forbidden
        }
        "pos" | "part of speech" | "partofspeech" | "part_of_speech" | "wortart" => Col::Pos,
        "status" => Col::Status,
        "forms" => Col::Forms,
        "case_sensitive" | "case sensitive" | "casesensitive" => Col::CaseSensitive,
        "match" => Col::Match,
        _ => return None,
    })
}

pub(super) fn column(cell: &str) -> Option<Col> {
    let cell = cell.trim();
    named_column(&cell.to_lowercase())
        .or_else(|| tag(cell).map(Col::Lang))
        .or_else(|| combined(cell))
}

/// `s` as a language tag, if it is one a header may use: a known language
/// code, then an optional script and region (`de`, `DE-de`, `en_GB`,
/// `zh-Hant-TW`). `ID` is an identifier column, not Indonesian.
pub(super) fn tag(s: &str) -> Option<String> {
    let mut parts = s.split(['-', '_']);
    let primary = parts.next()?.to_ascii_lowercase();
    let known = primary.bytes().all(|b| b.is_ascii_lowercase())
        && match primary.len() {
            2 => ISO_639_1.split_ascii_whitespace().any(|c| c == primary),
            3 => ISO_639_3.split_ascii_whitespace().any(|c| c == primary),
            _ => false,
        };
    if !known || primary == "id" {
        return None;
    }
    let (mut script, mut region) = (true, true);
    for part in parts {
        let p = part.to_ascii_lowercase();
        if script && SCRIPTS.contains(&p.as_str()) {
            script = false;
        } else if region && is_region(&p) {
            (script, region) = (false, false);
        } else {
            return None;
        }
    }
    Some(s.to_owned())
}

/// A region subtag: two letters or three digits.
pub(super) fn is_region(s: &str) -> bool {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// A header cell naming a language with other words: `English (United
/// Kingdom)`, `Term [en]`, `German_Def`, `DE-DE comment`.
pub(super) fn combined(cell: &str) -> Option<Col> {
    let words: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || "_()[]{}:/,.;|".contains(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let (at, mut lang) = words.iter().enumerate().find_map(|(i, w)| {
        let lower = w.to_lowercase();
        let by_name = LANGUAGE_NAMES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, code)| (*code).to_owned());
        let by_code = || {
            tag(w).filter(|t| t.contains(['-', '_']) || COMBINED_CODES.contains(&lower.as_str()))
        };
        by_name.or_else(by_code).map(|t| (i, t))
    })?;
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    #[allow(
        clippy::indexing_slicing,
        reason = "at is the index of one of words, and lower has one entry per word"
    )]
    let after = &lower[at + 1..];
    let mut used = 0;
    if !lang.contains(['-', '_']) {
        // A region right after the language: one or two words.
        let region = (1..=2).rev().find_map(|n| {
            let name = after.get(..n)?.join(" ");
            let code = REGIONS
                .iter()
                .find(|(r, _)| *r == name)
                .map(|(_, c)| (*c).to_owned())
                .or_else(|| (n == 1 && is_region(&name)).then(|| name.to_ascii_uppercase()))?;
            Some((n, code))
        });
        if let Some((n, code)) = region {
            used = n;
            lang = format!("{lang}-{code}");
        }
    }
    let others: Vec<&String> = lower
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at && !(at < i && i <= at + used))
        .map(|(_, w)| w)
        .collect();
    if others.iter().all(|w| TERM_WORDS.contains(&w.as_str())) {
        Some(Col::Lang(lang))
    } else if others.iter().all(|w| NOTE_WORDS.contains(&w.as_str())) {
        Some(Col::LangNote(lang))
    } else {
        None
    }
}

/// A language tag for comparing: lower case, `_` as `-`.
pub(super) fn same_tag(a: &str, b: &str) -> bool {
    a.replace('_', "-")
        .eq_ignore_ascii_case(&b.replace('_', "-"))
}

/// A file's header row.
pub(super) struct Header {
    /// What each column holds; `None` for columns satz does not know.
    pub(super) cols: Vec<Option<Col>>,
    /// The names of the columns satz does not know, each once.
    pub(super) unknown: Vec<String>,
}

/// The header's columns, if `cells` is a header: two of its cells name
/// different languages or sides (`de` and `en`, `source` and `target`,
/// `term` and `English`), whatever the others hold; or every non-empty
/// cell is a column satz knows and one of them names a language or side
/// (`term,definition`). Two cells naming the same language (`Deutsch`,
/// `German`) are a row of terms.
pub(super) fn header(cells: &[String]) -> Option<Header> {
    let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
    if filled < 2 {
        return None;
    }
    let cols: Vec<Option<Col>> = cells.iter().map(|c| column(c)).collect();
    let sides: Vec<&Col> = cols
        .iter()
        .flatten()
        .filter(|c| matches!(c, Col::Source | Col::Target | Col::Lang(_)))
        .collect();
    let differ = |a: &Col, b: &Col| match (a, b) {
        (Col::Lang(x), Col::Lang(y)) => !same_tag(x, y),
        (Col::Source, Col::Source) | (Col::Target, Col::Target) => false,
        _ => true,
    };
    let pair = sides
        .iter()
        .enumerate()
        .any(|(i, a)| sides.iter().skip(i + 1).any(|b| differ(a, b)));
    let all_known = cells
        .iter()
        .zip(&cols)
        .all(|(cell, col)| cell.trim().is_empty() || col.is_some());
    if !(pair || (all_known && sides.len() == 1)) {
        return None;
    }
    let mut unknown: Vec<String> = Vec::new();
    for (cell, col) in cells.iter().zip(&cols) {
        let name = cell.trim();
        if col.is_none() && !name.is_empty() && !unknown.iter().any(|u| u == name) {
            unknown.push(name.to_owned());
        }
    }
    Some(Header { cols, unknown })
}

/// A yes/no cell's value: `true`/`false`, `yes`/`no`, `1`/`0` (also
/// German `wahr`/`falsch`, `ja`/`nein`, as Excel writes them in German).
pub(super) fn truth(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "true" | "yes" | "1" | "wahr" | "ja" => Some(true),
        "false" | "no" | "0" | "falsch" | "nein" => Some(false),
        _ => None,
    }
}

/// Makes a `forbidden` column whose cells are all yes or no (Matecat's
/// `TRUE`/`FALSE`) a [`Col::ForbiddenFlag`].
pub(super) fn flag_columns(cols: &mut [Option<Col>], rows: &[(usize, Vec<String>)]) {
    for (i, col) in cols.iter_mut().enumerate() {
        if *col != Some(Col::Forbidden) {
            continue;
        }
        let mut values = rows
            .iter()
            .filter_map(|(_, cells)| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .peekable();
        if values.peek().is_some() && values.all(|v| truth(v).is_some()) {
            *col = Some(Col::ForbiddenFlag);
        }
    }
}
