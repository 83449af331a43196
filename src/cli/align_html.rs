//! The alignment review page: one self-contained HTML file (no external
//! assets) with German | English | score, low-confidence rows marked,
//! filters for them, paragraph breaks, the sentences of a merged link told
//! apart and a sentence without counterpart marked; printable.

use std::path::Path;

use super::align::{DOUBT_BELOW, LinkText, REVIEW_BELOW};

use crate::report::html_escape as esc;

/// One side of a link as table cells: its sentence numbers and its text.
struct Cells<'a> {
    /// Document indices of the side's sentences.
    idx: &'a [usize],
    /// The sentences.
    texts: &'a [String],
    /// The sentences with no counterpart on the other side.
    orphans: &'a [usize],
    /// Whether the side starts a paragraph.
    starts_paragraph: bool,
    /// `lang` attribute.
    lang: &'a str,
    /// Badge of an orphan sentence.
    badge: &'a str,
}

impl Cells<'_> {
    /// The number cell: `5`, `5–6`, `–`; a `¶` when a paragraph starts.
    fn numbers(&self) -> String {
        let span = match (self.idx.first(), self.idx.last()) {
            (Some(a), Some(b)) if a == b => format!("{}", a + 1),
            (Some(a), Some(b)) => format!("{}–{}", a + 1, b + 1),
            _ => "–".to_owned(),
        };
        if self.starts_paragraph {
            format!("<span class=\"para\" title=\"new paragraph\">¶</span> {span}")
        } else {
            span
        }
    }

    /// The text cell: each sentence in its own span; in a side of two or
    /// more sentences each one numbered on its own line; a sentence without
    /// counterpart marked with a badge.
    fn text(&self) -> String {
        let merged = self.texts.len() > 1;
        let mut out = String::new();
        for (&i, t) in self.idx.iter().zip(self.texts) {
            let orphan = self.orphans.contains(&i);
            let class = if orphan { "s orphan" } else { "s" };
            out.push_str(&format!("<span class=\"{class}\">"));
            if merged {
                out.push_str(&format!("<span class=\"k\">{}</span> ", i + 1));
            }
            out.push_str(&esc(t));
            if orphan {
                out.push_str(&format!(" <span class=\"badge\">{}</span>", self.badge));
            }
            out.push_str("</span>");
        }
        format!("<td lang=\"{}\">{out}</td>", self.lang)
    }
}

/// The page for the links of `de` and `en`.
pub fn page(de: &Path, en: &Path, links: &[LinkText]) -> String {
    let low = links.iter().filter(|l| l.score < REVIEW_BELOW).count();
    let mid = links
        .iter()
        .filter(|l| (REVIEW_BELOW..DOUBT_BELOW).contains(&l.score))
        .count();
    let orphans = links.iter().filter(|l| l.has_orphan()).count();
    let title = title(de, en);
    let rows: String = links.iter().enumerate().map(|(i, l)| row(i, l)).collect();
    let head = crate::report::page_head(&title, STYLE);
    format!(
        r#"{head}<p class="summary">{n} links; <strong>{low}</strong> with a score below {REVIEW_BELOW} are marked red for review ({orphans} of them with a sentence that has no counterpart), <strong>{mid}</strong> below {DOUBT_BELOW} yellow.</p>
<p class="legend">¶ starts a paragraph; the sentences of a merged link are numbered one per line; <span class="badge">no translation</span> and <span class="badge">no German source</span> mark a sentence with no counterpart on the other side.</p>
<label><input type="checkbox" id="only-low"> show only the links to review (below {REVIEW_BELOW})</label>
<label><input type="checkbox" id="only-doubtful"> show only the links below {DOUBT_BELOW} (red and yellow)</label>
<table>
<thead><tr><th class="n">#</th><th class="n">de</th><th>German</th><th class="n">en</th><th>English</th><th class="score">score</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<script>
{SCRIPT}</script>
</body>
</html>
"#,
        n = links.len()
    )
}

/// `Alignment: a.de.txt | a.en.txt`.
fn title(de: &Path, en: &Path) -> String {
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    format!("Alignment: {} | {}", name(de), name(en))
}

/// The table row of link `i`, `l`: class by score, paragraph and orphans.
fn row(i: usize, l: &LinkText) -> String {
    let mut class = if l.score < REVIEW_BELOW {
        "low"
    } else if l.score < DOUBT_BELOW {
        "mid"
    } else {
        "ok"
    }
    .to_owned();
    if l.starts_paragraph.0 || l.starts_paragraph.1 {
        class.push_str(" para");
    }
    if l.has_orphan() {
        class.push_str(" orphan");
    }
    let de = Cells {
        idx: &l.source,
        texts: &l.source_sentences,
        orphans: &l.omitted,
        starts_paragraph: l.starts_paragraph.0,
        lang: "de",
        badge: "no translation",
    };
    let en = Cells {
        idx: &l.target,
        texts: &l.target_sentences,
        orphans: &l.added,
        starts_paragraph: l.starts_paragraph.1,
        lang: "en",
        badge: "no German source",
    };
    format!(
        "<tr class=\"{class}\"><td class=\"n\">{}</td><td class=\"n\">{}</td>{}<td class=\"n\">{}</td>{}<td class=\"score\">{:.2}</td></tr>\n",
        i + 1,
        de.numbers(),
        de.text(),
        en.numbers(),
        en.text(),
        l.score
    )
}

/// The page's style sheet.
const STYLE: &str = r#"body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.2rem; margin: 0 0 .3rem; }
p.summary, p.legend { margin: 0 0 .6rem; color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { position: sticky; top: 0; background: #f4f4f4; }
td.n, th.n { width: 3.6rem; color: #777; font-variant-numeric: tabular-nums; }
td.score, th.score { width: 4rem; text-align: right; font-variant-numeric: tabular-nums; }
tr.low { background: #fde2e1; }
tr.low td.score { color: #b00020; font-weight: bold; }
tr.mid { background: #fff6d6; }
tr.para td { border-top: 3px double #888; }
span.para { color: #333; font-weight: bold; }
.s { display: block; }
.s + .s { border-top: 1px dashed #aaa; margin-top: .25rem; padding-top: .25rem; }
.k { font-size: .75em; color: #777; font-variant-numeric: tabular-nums; }
.s.orphan { background: #f7b9b5; border-left: 4px solid #b00020; padding-left: .3rem; }
.badge { font-size: .75em; font-weight: bold; color: #fff; background: #b00020; border-radius: .3em; padding: 0 .35em; white-space: nowrap; }
label { display: inline-block; margin: 0 1.2rem .8rem 0; }
body.only-doubtful tr.ok { display: none; }
body.only-low tr.ok, body.only-low tr.mid { display: none; }
@media print { label { display: none; } th { position: static; } .badge { color: #b00020; background: none; border: 1px solid #b00020; } }
"#;

/// The filters' script.
const SCRIPT: &str = r#"['only-low', 'only-doubtful'].forEach(function (id) {
  document.getElementById(id).addEventListener('change', function (e) {
    document.body.classList.toggle(id, e.target.checked);
  });
});
"#;
