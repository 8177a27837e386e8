import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { blocksOf, extractArticle, merge, readabilityOnly, type Block } from './html.js';
import { score } from '../eval/text.js';
import { PACKAGE_URL } from '../paths.js';

const P = (s: string) => `<p>${s}</p>`;
const BODY = [
  'Israeli air strikes on the southern Gaza Strip killed at least 27 people overnight, medical officials said on Wednesday.',
  'The Nasser Medical Complex said it had received the bodies of 27 people killed in strikes on homes in the east of the city.',
  'The Israeli military said its aircraft had struck more than 40 targets across Gaza over the past day, including rocket launchers.',
  'Aid agencies have repeatedly warned that the pace of aid deliveries falls far short of what is needed in the enclave.',
];
const page = (article: string, around = '') =>
  `<!doctype html><html><head><title>Strikes on Khan Younis</title></head><body><nav><a>Home</a><a>World</a></nav>${around}<main><article><h1>Strikes on Khan Younis</h1>${article}</article></main><footer><p>© 2024 Example</p></footer></body></html>`;

test('a lede kept outside the article body, which Readability drops, is recovered', () => {
  const html = `<html><body><main><article><div class="item-header"><h1>Strikes on Khan Younis</h1><p class="summary">${BODY[0]}</p></div><div class="item-body"><div class="item-text">${BODY.slice(1).map(P).join('')}</div></div></article></main></body></html>`;
  assert.ok(!readabilityOnly(html).includes(BODY[0]));
  assert.deepEqual(extractArticle(html).paragraphs, BODY);
});

test('a last paragraph in another layout row, which Readability drops, is recovered', () => {
  const row = (ps: string[]) => `<div class="row"><div class="col"><div class="text">${ps.map(P).join('')}</div></div></div>`;
  const html = page(row(BODY.slice(0, 3)) + row(BODY.slice(3)));
  assert.ok(!readabilityOnly(html).includes(BODY[3]));
  assert.deepEqual(extractArticle(html).paragraphs, BODY);
});

test('paragraphs opening with a quotation mark are kept', () => {
  const quote = '“They struck the house while we were sleeping. My brother and his three children are gone,” said Mahmoud Abu Taha.';
  const a = extractArticle(page([BODY[0], quote, ...BODY.slice(1)].map(P).join('')));
  assert.ok(a.paragraphs.includes(quote));
});

test('prose Readability left out between, before or after its paragraphs is laid back in', () => {
  const { document } = parseHTML(`<html><body><div>${BODY.map(P).join('')}</div></body></html>`);
  const blocks = blocksOf(document.body as unknown as Element);
  const chosen = [blocks[1], blocks[2]];
  assert.deepEqual(merge(blocks, chosen).map((b) => b.text), BODY);
  assert.deepEqual(merge(blocks, [blocks[0], blocks[3]]).map((b) => b.text), BODY);
});

test('cookie banners, newsletter boxes, share bars, related links and paywall teasers are removed', () => {
  const furniture = `<div class="consent-overlay"><p>We use cookies to improve your experience on our website.</p><button>Accept all</button></div>`;
  const inBody = [
    P(BODY[0]),
    '<div class="c-share__bar"><a>Facebook</a> <a>X</a> <a>WhatsApp</a></div>',
    P(BODY[1]),
    '<p>Read more: <a>Israel’s war on Gaza: list of key events</a></p>',
    '<div class="inline-box"><p>Sign up for our Middle East newsletter to get the day’s top stories in your inbox.</p></div>',
    P(BODY[2]),
    P(BODY[3]),
    '<div class="relatedArticles"><h3>Related</h3><ul><li><a>UN warns of famine in Gaza</a></li></ul></div>',
    '<div class="meter"><p>Subscribe to continue reading.</p><p>Already a subscriber? Log in</p></div>',
    '<p>Reporting by Nidal al-Mughrabi; Editing by Alex Richardson</p>',
  ].join('');
  assert.deepEqual(extractArticle(page(inBody, furniture)).paragraphs, BODY);
});

test('text becomes paragraphs with collapsed spacing and decoded entities; <br><br> splits paragraphs', () => {
  const a = extractArticle(page(`<p>Syria&#8217;s  army\n   said &amp; repeated: &ldquo;no&rdquo; to the   offer, officials in Damascus told reporters on Monday.<br><br>${BODY[1]}</p>${P(BODY[2])}${P(BODY[3])}`));
  assert.deepEqual(a.paragraphs, ['Syria’s army said & repeated: “no” to the offer, officials in Damascus told reporters on Monday.', ...BODY.slice(1)]);
});

test('captions, figures and bylines around the article are not article text', () => {
  const a = extractArticle(
    page(`<div class="byline">By Jane Smith</div><time>January 24, 2024</time><figure><img src="x.jpg"><figcaption>Mourners in Rafah. (Photo by Said Khatib/AFP via Getty Images)</figcaption></figure>${BODY.map(P).join('')}<p>Jane Smith</p>`),
  );
  assert.deepEqual(a.paragraphs, BODY);
});

test('a page with text only in table cells and line breaks falls back to its blocks', () => {
  const a = extractArticle(`<html><body><table><tr><td>${BODY.join('<br><br>')}</td></tr></table></body></html>`);
  assert.deepEqual(a.paragraphs, BODY);
});

test('a page without article text gives no paragraphs', () => {
  assert.deepEqual(extractArticle('<html><body><nav><a>Home</a></nav><div class="cookie-banner"><p>We use cookies.</p></div></body></html>').paragraphs, []);
});

test('every fixture page in test/html is extracted close to its gold text', () => {
  const dir = new URL('test/html/', PACKAGE_URL);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 12);
  for (const f of pages) {
    const gold = readFileSync(new URL(f.replace(/\.html$/, '.txt'), dir), 'utf8');
    const got = extractArticle(readFileSync(new URL(f, dir), 'utf8')).paragraphs.join('\n\n');
    const s = score(got, gold);
    assert.ok(s.r >= 0.99 && s.p >= 0.95, `${f}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}`);
  }
});

test('a fragment of HTML, as batch input may give, is read like a page', () => {
  assert.deepEqual(extractArticle(`${P(BODY[0])}${P(BODY[1])}`).paragraphs, BODY.slice(0, 2));
});

test('a pathologically nested page is read from its blocks (Readability is skipped there)', () => {
  const a = extractArticle(`<html><body>${'<div>'.repeat(3000)}${P(BODY[0])}${'</div>'.repeat(3000)}</body></html>`);
  assert.deepEqual([a.method, a.paragraphs], ['fallback', [BODY[0]]]);
});

test('a flat page of 150,000 paragraphs is laid back over its blocks, not refused as "nested too deeply"', () => {
  // The stretch Readability chose was bounded with Math.min(...matched): a spread of 150,000
  // arguments, a RangeError that read as deep nesting. One shared parent, as on such a page.
  const { document } = parseHTML('<html><body><article></article></body></html>');
  const parent = document.querySelector('article')!;
  const page: Block[] = Array.from({ length: 150_000 }, (_, i) => ({ text: `Shelling was reported near the town on day ${i}.`, words: 9, linkDensity: 0, el: parent, heading: 0 }));
  const kept = merge(page, page);
  assert.equal(kept.length, 150_000);
  assert.equal(kept[149_999].text, page[149_999].text);
});
