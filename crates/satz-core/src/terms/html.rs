//! The term page: one self-contained HTML file (no external assets, inline
//! CSS and JavaScript), printable, with the term table, a search box that
//! filters rows as you type, and per term a bar of how memory translates
//! it: approved (green), forbidden (red), other (grey), widths in
//! proportion to the units of each class (see [`super::usage`]).

use super::render::distribution;
use super::usage::TermUsage;
use crate::glossary::{Glossary, Term};

pub use crate::report::html_escape as esc;

/// `n` of `total` as a CSS percentage with one decimal.
fn pct(n: usize, total: usize) -> String {
    if total == 0 {
        return "0%".to_owned();
    }
    // Counts are far below 2^52: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let p = n as f64 * 100.0 / total as f64;
    format!("{p:.1}%")
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| esc(i))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The page; `title` names the glossary (usually its path).
pub fn page(title: &str, glossary: &Glossary, usage: &[TermUsage], units: usize) -> String {
    let empty = TermUsage::default();
    let found = usage.iter().filter(|u| u.units > 0).count();
    let mut rows = String::new();
    for (i, t) in glossary.terms.iter().enumerate() {
        // Without a memory there is no usage: every term is "not in memory".
        let u = usage.get(i).unwrap_or(&empty);
        rows.push_str(&term_row(glossary, t, u));
    }
    let title = format!("Terms: {title}");
    let head = crate::report::page_head(&esc(&title), STYLE);
    format!(
        r#"{head}<p class="summary">{n} terms, {found} found in memory ({units} units read). Translations in memory:<span class="legend"><span style="background:#2e7d32"></span>approved<span style="background:#c62828"></span>forbidden<span style="background:#9e9e9e"></span>other</span></p>
<input type="search" id="q" placeholder="Filter terms…" aria-label="Filter terms">
<table id="terms">
<thead><tr><th>German</th><th>Approved</th><th>Forbidden</th><th>Status</th><th>Note</th><th>In memory</th><th>Example</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<script>
{SCRIPT}</script>
</body>
</html>
"#,
        n = glossary.terms.len(),
    )
}

/// The style sheet of the page: screen and print.
const STYLE: &str = "body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.2rem; margin: 0 0 .3rem; }
p.summary { margin: 0 0 1rem; color: #555; }
input[type=search] { font: inherit; padding: .3rem .5rem; width: 20rem; max-width: 100%; margin-bottom: .8rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { position: sticky; top: 0; background: #f4f4f4; }
td.de { font-weight: bold; }
td.forbidden { color: #b00020; text-decoration: line-through; }
td.note { color: #444; max-width: 22rem; }
td.memory { min-width: 11rem; }
td.example { max-width: 28rem; }
.en { color: #355; }
.bar { display: flex; height: .8rem; width: 10rem; background: #eee; border-radius: 2px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .a { background: #2e7d32; }
.bar .f { background: #c62828; }
.bar .o { background: #9e9e9e; }
.dist { font-size: .85rem; color: #555; }
.legend span { display: inline-block; width: .8rem; height: .8rem; vertical-align: middle; margin: 0 .2rem 0 .8rem; }
tr.hidden { display: none; }
@media print { input[type=search] { display: none; } th { position: static; } .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

/// The filter box's script: hides the rows that do not contain the query.
const SCRIPT: &str = "document.getElementById('q').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('#terms tbody tr').forEach(function (tr) {
    tr.classList.toggle('hidden', q !== '' && tr.textContent.toLowerCase().indexOf(q) < 0);
  });
});
";

/// The table row of term `t` with its usage `u` in memory.
fn term_row(glossary: &Glossary, t: &Term, u: &TermUsage) -> String {
    format!(
        "<tr><td lang=\"{sl}\" class=\"de\">{de}</td><td lang=\"{tl}\">{approved}</td><td lang=\"{tl}\" class=\"forbidden\">{forbidden}</td><td>{status}</td><td class=\"note\">{note}</td><td class=\"memory\">{bar}</td><td class=\"example\">{example}</td></tr>\n",
        sl = esc(&glossary.source_lang),
        tl = esc(&glossary.target_lang),
        de = esc(&t.de),
        approved = approved_cell(t),
        forbidden = list(&t.forbidden),
        // A term without a status or note shows an empty cell.
        status = t.status.map(|s| s.as_str()).unwrap_or_default(),
        note = esc(t.note.as_deref().unwrap_or_default()),
        bar = usage_bar(t, u),
        example = example_cell(glossary, u),
    )
}

/// The approved translations, the preferred (first) one in bold.
fn approved_cell(t: &Term) -> String {
    let (preferred, rest) = match t.en.split_first() {
        Some((p, rest)) => (format!("<strong>{}</strong>", esc(p)), rest.to_vec()),
        None => (String::new(), Vec::new()),
    };
    if rest.is_empty() {
        preferred
    } else {
        format!("{preferred}<br>{}", list(&rest))
    }
}

/// The bar of how memory translates term `t` (approved, forbidden, other,
/// in proportion to the units), with the counts beneath it.
fn usage_bar(t: &Term, u: &TermUsage) -> String {
    if u.units == 0 {
        return "<div class=\"bar none\"></div><div class=\"dist\">not in memory</div>".to_owned();
    }
    format!(
        "<div class=\"bar\" title=\"{title}\"><span class=\"a\" style=\"width:{a}\"></span><span class=\"f\" style=\"width:{f}\"></span><span class=\"o\" style=\"width:{o}\"></span></div><div class=\"dist\">{units} unit{s}: {dist}</div>",
        title = esc(&format!(
            "approved {}, forbidden {}, other {}",
            u.units_approved, u.units_forbidden, u.units_other
        )),
        a = pct(u.units_approved, u.units),
        f = pct(u.units_forbidden, u.units),
        o = pct(u.units_other, u.units),
        units = u.units,
        s = if u.units == 1 { "" } else { "s" },
        dist = distribution(t, u, "")
            .iter()
            .map(|d| esc(d))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// An example unit of memory with the term, source above target.
fn example_cell(glossary: &Glossary, u: &TermUsage) -> String {
    u.example.as_ref().map_or_else(String::new, |e| {
        format!(
            "<span lang=\"{}\">{}</span><br><span class=\"en\" lang=\"{}\">→ {}</span>",
            esc(&glossary.source_lang),
            esc(&e.source),
            esc(&glossary.target_lang),
            esc(&e.target)
        )
    })
}
