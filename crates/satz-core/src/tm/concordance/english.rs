//! English matching by inflection only: a text word matches a search word
//! when it is that word or the word with an inflectional ending: plural
//! `-s`, `-es`, `-ies` (for `-y`), possessive `'s` and `s'`, and the verb
//! endings `-ed`, `-ing` (a final `-e` dropped, a final consonant doubled:
//! `stopped`, `planning`). Derivational endings never match, unlike the
//! Snowball stem: `controller` is not `control`, `nationality` is not
//! `nation`. The direction matters: a text word is reduced to the bases it
//! may inflect, so searching `building` finds `buildings`, not `build`.

/// Whether the text word `t` (a key) is the search word `q` (a key)
/// inflected.
pub(super) fn inflects(q: &str, t: &str) -> bool {
    t == q || bases(t).iter().any(|b| b == q)
}

/// The words `t` (a key) may be an inflected form of, `t` left out.
fn bases(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Possessive: `controller's`, `controllers'` (the tokeniser keeps a
    // trailing apostrophe apart, so `s'` rarely reaches here).
    let t = t
        .strip_suffix("'s")
        .inspect(|b| out.push((*b).to_owned()))
        .unwrap_or(t);
    let t = t.strip_suffix('\'').unwrap_or(t);
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
        && !b.ends_with('s')
    {
        out.push(b.to_owned());
    }
    for ending in ["ed", "ing"] {
        if let Some(b) = t.strip_suffix(ending) {
            out.push(b.to_owned());
            out.push(format!("{b}e"));
            let mut cs = b.chars().rev();
            if let (Some(x), Some(y)) = (cs.next(), cs.next())
                && x == y
                && !"aeiou".contains(x)
            {
                out.push(b.chars().take(b.chars().count() - 1).collect());
            }
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
    }
}
