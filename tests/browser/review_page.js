// Browser check of `satz align --format html` (the review page), run by
// tests/browser/run. Needs Node.js, playwright-core and Chromium; it is not
// part of `cargo test` because a fresh machine has no browser.
//
// Asserts: the page loads with no script error and no request outside the
// file; every link is a row; the "show only the links to review" switch
// hides exactly the rows that are not marked low, and shows them again.
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
  const before = await visible();
  await page.click('#only-low');
  const onlyLow = await visible();
  const lowVisible = await page.$$eval('tbody tr.low', rs => rs.every(r => r.offsetParent !== null));
  if (shot) await page.screenshot({ path: shot });
  await page.click('#only-low');
  const after = await visible();
  await browser.close();
  if (before !== total) problems.push(`${before} of ${total} rows visible at first`);
  if (low === 0) problems.push('no row marked low: the input should have an omission');
  if (onlyLow !== low || !lowVisible) problems.push(`switch on: ${onlyLow} rows visible, ${low} low`);
  if (after !== total) problems.push(`switch off again: ${after} of ${total} rows visible`);
  console.log(`rows ${total}, low ${low}; switch on: ${onlyLow} visible; off: ${after} visible`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
})().catch(e => { console.error(e); process.exit(1); });
