//! English matching by inflection only: a text word matches a search word
//! when it is that word or the word with an inflectional ending: plural
//! `-s`, `-es`, `-ies` (for `-y`), possessive `'s` and `s'`, and the verb
//! endings `-ed`, `-ing` (a final `-e` dropped, a final consonant doubled:
//! `stopped`, `planning`). Derivational endings never match, unlike the
//! Snowball stem: `controller` is not `control`, `nationality` is not
//! `nation`. The direction matters: a text word is reduced to the bases it
//! may inflect, so searching `building` finds `buildings`, not `build`.
//! Words that only look inflected stay apart: a base left by `-ed` or
//! `-ing` keeps a vowel and at least three letters (`bed`, `thing`), `-s`
//! is not taken from `-ss`, `-us`, `-is`, `-ews` (`news`), and a short
//! list of words of their own is never reduced (`united`, `evening`,
//! `seed`).

/// English words that look inflected but are words of their own: never
/// reduced to a base (`news` is not `new`, `united` not `unit`,
/// `evening` not `even`, `seed` not `see`).
const OWN_WORDS: [&str; 26] = [
    "bed", "bring", "during", "evening", "feed", "hundred", "indeed", "king", "morning", "need",
    "news", "red", "ring", "seed", "series", "shed", "species", "speed", "spring", "string",
    "thing", "things", "united", "wedding", "weed", "wing",
];

/// Whether the text word `t` (a key) is the search word `q` (a key)
/// inflected.
pub(super) fn inflects(q: &str, t: &str) -> bool {
    t == q || bases(t).iter().any(|b| b == q)
}

/// The words `t` (a key) may be an inflected form of, `t` left out: `-s`
/// (not after `-ss`, `-us`, `-is`, `-ews`: `bus`, `this`, `news`), `-es`,
/// `-ies`, `-ied`, and `-ed`, `-ing` when what is left keeps a vowel and,
/// as a base, at least three letters (`bed` is no `be`); [`OWN_WORDS`]
/// are never reduced.
fn bases(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Possessive: `controller's`, `controllers'` (the tokeniser keeps a
    // trailing apostrophe apart, so `s'` rarely reaches here).
    let t = t
        .strip_suffix("'s")
        .inspect(|b| out.push((*b).to_owned()))
        .unwrap_or(t);
    let t = t.strip_suffix('\'').unwrap_or(t);
    if OWN_WORDS.contains(&t) {
        return out;
    }
    if let Some(b) = t.strip_suffix("ies") {
        out.push(format!("{b}y"));
    }
    if let Some(b) = t.strip_suffix("ied") {
        out.push(format!("{b}y"));
    }
    if let Some(b) = t.strip_suffix("es") {
        out.push(b.to_owned());
    }
    if let Some(b) = t.strip_suffix('s')
        && !["s", "u", "i", "ew"].iter().any(|x| b.ends_with(x))
    {
        out.push(b.to_owned());
    }
    for ending in ["ed", "ing"] {
        if let Some(b) = t.strip_suffix(ending)
            && b.contains(['a', 'e', 'i', 'o', 'u', 'y'])
        {
            let mut verb = vec![b.to_owned(), format!("{b}e")];
            let mut cs = b.chars().rev();
            if let (Some(x), Some(y)) = (cs.next(), cs.next())
                && x == y
                && !"aeiou".contains(x)
            {
                verb.push(b.chars().take(b.chars().count() - 1).collect());
            }
            out.extend(verb.into_iter().filter(|v| v.chars().count() >= 3));
        }
    }
    out.retain(|b| b.chars().count() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflection_matches_and_derivation_does_not() {
        for t in ["controller", "controllers", "controller's"] {
            assert!(inflects("controller", t), "{t}");
        }
        assert!(!inflects("controller", "control"));
        assert!(!inflects("control", "controller"));
        assert!(!inflects("control", "controllers"));
        assert!(inflects("control", "controlled"));
        assert!(inflects("control", "controls"));
        assert!(inflects("country", "countries"));
        assert!(inflects("box", "boxes"));
        assert!(inflects("stop", "stopped"));
        assert!(inflects("close", "closing"));
        assert!(inflects("building", "buildings"));
        assert!(!inflects("building", "build"));
        assert!(!inflects("nation", "nationality"));
        assert!(!inflects("class", "clas"));
        // Words that only look inflected.
        assert!(inflects("unit", "units"));
        assert!(!inflects("unit", "united"));
        assert!(!inflects("even", "evening"));
        assert!(!inflects("new", "news"));
        assert!(!inflects("she", "shed"));
        assert!(!inflects("see", "seed"));
        assert!(!inflects("the", "thing"));
        assert!(!inflects("be", "bed"));
        assert!(!inflects("bu", "bus"));
        assert!(!inflects("thi", "this"));
        assert!(inflects("use", "used"));
        assert!(inflects("see", "sees"));
        assert!(inflects("news", "news"));
    }
}
