//! The alignment review page: one self-contained HTML file (no external
//! assets) with German | English | score, low-confidence rows marked, a
//! filter for them, printable.

use std::path::Path;

use super::align::{LinkText, REVIEW_BELOW};

use crate::report::html_escape as esc;

/// The page for the links of `de` and `en`.
pub fn page(de: &Path, en: &Path, links: &[LinkText]) -> String {
    let low = links.iter().filter(|l| l.score < REVIEW_BELOW).count();
    let title = format!(
        "Alignment: {} | {}",
        de.file_name().map_or_else(
            || de.display().to_string(),
            |n| n.to_string_lossy().into_owned()
        ),
        en.file_name().map_or_else(
            || en.display().to_string(),
            |n| n.to_string_lossy().into_owned()
        )
    );
    let mut rows = String::new();
    for (i, l) in links.iter().enumerate() {
        let class = if l.score < REVIEW_BELOW {
            "low"
        } else if l.score < 0.8 {
            "mid"
        } else {
            "ok"
        };
        let span = |v: &[usize]| match (v.first(), v.last()) {
            (Some(a), Some(b)) if a == b => format!("{}", a + 1),
            (Some(a), Some(b)) => format!("{}–{}", a + 1, b + 1),
            _ => "–".to_owned(),
        };
        rows.push_str(&format!(
            "<tr class=\"{class}\"><td class=\"n\">{}</td><td class=\"n\">{}</td><td lang=\"de\">{}</td><td class=\"n\">{}</td><td lang=\"en\">{}</td><td class=\"score\">{:.2}</td></tr>\n",
            i + 1,
            span(&l.source),
            esc(&l.source_text),
            span(&l.target),
            esc(&l.target_text),
            l.score
        ));
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }}
h1 {{ font-size: 1.2rem; margin: 0 0 .3rem; }}
p.summary {{ margin: 0 0 1rem; color: #555; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; }}
th {{ position: sticky; top: 0; background: #f4f4f4; }}
td.n, th.n {{ width: 3.2rem; color: #777; font-variant-numeric: tabular-nums; }}
td.score, th.score {{ width: 4rem; text-align: right; font-variant-numeric: tabular-nums; }}
tr.low {{ background: #fde2e1; }}
tr.low td.score {{ color: #b00020; font-weight: bold; }}
tr.mid {{ background: #fff6d6; }}
label {{ display: inline-block; margin-bottom: .8rem; }}
body.only-low tr.ok, body.only-low tr.mid {{ display: none; }}
@media print {{ label {{ display: none; }} th {{ position: static; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="summary">{n} links; <strong>{low}</strong> with a score below {REVIEW_BELOW} are marked red for review, below 0.8 yellow.</p>
<label><input type="checkbox" id="only-low"> show only the links to review</label>
<table>
<thead><tr><th class="n">#</th><th class="n">de</th><th>German</th><th class="n">en</th><th>English</th><th class="score">score</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<script>
document.getElementById('only-low').addEventListener('change', function (e) {{
  document.body.classList.toggle('only-low', e.target.checked);
}});
</script>
</body>
</html>
"#,
        n = links.len()
    )
}
