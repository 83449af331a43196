// Browser check of `satz align --format html` (the review page), run by
// tests/browser/run. Needs Node.js, playwright-core and Chromium; it is not
// part of `cargo test` because a fresh machine has no browser.
//
// Asserts: the page loads with no script error and no request outside the
// file; every link is a row; the "show only the links to review" switch
// hides exactly the rows that are not marked low, and shows them again; the
// "below 0.8" switch shows exactly the red and yellow rows; every sentence
// without counterpart is marked, visibly, inside a red row, and the
// sentences of a merged link are boxes of their own; paragraph breaks are
// marked rows.
const { chromium } = require('playwright-core');
const path = require('path');

(async () => {
  const file = process.argv[2];
  const shot = process.argv[3];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', e => problems.push('script error: ' + e));
  page.on('request', r => { if (!r.url().startsWith('file:')) problems.push('external request: ' + r.url()); });
  await page.goto('file://' + path.resolve(file));
  const visible = () => page.$$eval('tbody tr', rs => rs.filter(r => r.offsetParent !== null).length);
  const total = await page.$$eval('tbody tr', rs => rs.length);
  const low = await page.$$eval('tbody tr.low', rs => rs.length);
  const mid = await page.$$eval('tbody tr.mid', rs => rs.length);
  const before = await visible();
  await page.click('#only-low');
  const onlyLow = await visible();
  const lowVisible = await page.$$eval('tbody tr.low', rs => rs.every(r => r.offsetParent !== null));
  await page.click('#only-low');
  const after = await visible();
  await page.click('#only-doubtful');
  const doubtful = await visible();
  const doubtfulRight = await page.$$eval('tbody tr', rs => rs.every(r =>
    (r.offsetParent !== null) === (r.classList.contains('low') || r.classList.contains('mid'))));
  if (shot) await page.screenshot({ path: shot, fullPage: false });
  await page.click('#only-doubtful');
  const afterDoubtful = await visible();
  // Orphans: marked sentences, each in a red row, its badge visible.
  const orphans = await page.$$eval('.s.orphan', ss => ss.map(s => ({
    inLowRow: s.closest('tr').classList.contains('low'),
    badge: (s.querySelector('.badge') || {}).innerText || '',
    shown: s.getBoundingClientRect().height > 0,
    red: getComputedStyle(s).borderLeftColor,
  })));
  const orphanRows = await page.$$eval('tbody tr.orphan', rs => rs.length);
  // A merged side: its sentences are separate blocks, stacked.
  const merged = await page.$$eval('td', tds => tds
    .map(td => Array.from(td.querySelectorAll(':scope > .s')))
    .filter(ss => ss.length > 1)
    .map(ss => ss.every((s, i) => i === 0 || s.getBoundingClientRect().top >= ss[i - 1].getBoundingClientRect().bottom - 1)));
  const mergedWithOrphan = await page.$$eval('td', tds => tds.filter(td =>
    td.querySelectorAll(':scope > .s').length > 1 && td.querySelector(':scope > .s.orphan')).length);
  const paragraphs = await page.$$eval('tbody tr.para', rs => rs.map(r =>
    getComputedStyle(r.querySelector('td')).borderTopStyle));
  await browser.close();
  if (before !== total) problems.push(`${before} of ${total} rows visible at first`);
  if (low === 0) problems.push('no row marked low: the input should have an omission');
  if (onlyLow !== low || !lowVisible) problems.push(`switch on: ${onlyLow} rows visible, ${low} low`);
  if (after !== total) problems.push(`switch off again: ${after} of ${total} rows visible`);
  if (doubtful !== low + mid || !doubtfulRight) problems.push(`below-0.8 switch: ${doubtful} rows visible, ${low} low + ${mid} mid`);
  if (afterDoubtful !== total) problems.push(`below-0.8 switch off: ${afterDoubtful} of ${total} visible`);
  if (orphans.length === 0 || orphanRows === 0) problems.push('no sentence marked as without counterpart');
  for (const o of orphans) {
    if (!o.inLowRow || !o.shown || !/^no (translation|German source)$/.test(o.badge) || o.red === 'rgba(0, 0, 0, 0)')
      problems.push('badly marked orphan: ' + JSON.stringify(o));
  }
  if (mergedWithOrphan === 0) problems.push('no merged link with a marked sentence: the input should absorb one');
  if (merged.length === 0 || !merged.every(x => x)) problems.push(`merged sides not stacked sentence by sentence: ${JSON.stringify(merged)}`);
  if (paragraphs.length === 0 || !paragraphs.every(s => s === 'double')) problems.push(`paragraph rows: ${JSON.stringify(paragraphs)}`);
  console.log(`rows ${total}, low ${low}, mid ${mid}; switch on: ${onlyLow} visible; off: ${after}; below 0.8: ${doubtful}; ` +
    `orphans ${orphans.length} in ${orphanRows} rows (${mergedWithOrphan} inside a merged link); merged sides ${merged.length}; paragraph breaks ${paragraphs.length}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
})().catch(e => { console.error(e); process.exit(1); });
