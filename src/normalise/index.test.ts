import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise } from './index.js';
import { InputError } from '../errors.js';

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e.message;
  }
  assert.fail('no InputError');
};

const PAGE = `<!doctype html><html lang="en"><head><title>Strike on depot | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-01-12T09:41:00Z">
<link rel="canonical" href="https://example.com/a"></head><body><article><h1>Strike on depot</h1>
<p>DUBAI, Jan 12 (Reuters) - A drone strike hit a fuel depot near Al-Bukamal in eastern Syria, killing four people, a monitor said.</p>
<p>There was no immediate claim of responsibility for the strike, and the U.S. military did not comment on it.</p>
<p>The area has seen repeated strikes on militia positions since October, when attacks on bases increased.</p></article></body></html>`;

test('plain text keeps its characters, so offsets point into what was received', () => {
  const doc = normalise({ source: 'a.txt', bytes: Buffer.from('\uFEFFTEHRAN- “We find ourselves”\r\n\r\nSecond  paragraph.'), id: 'a' });
  assert.equal(doc.text, 'TEHRAN- “We find ourselves”\n\nSecond  paragraph.');
  assert.equal(doc.meta.id, 'a');
  assert.equal(doc.meta.language, 'en');
  assert.deepEqual(doc.warnings, []);
});

test('HTML gives article text in paragraphs and the metadata of the page', () => {
  const doc = normalise({ source: 'p.html', text: PAGE, isHtml: true });
  assert.equal(doc.text.split('\n\n').length, 3);
  assert.ok(doc.text.startsWith('DUBAI, Jan 12 (Reuters) - A drone strike'));
  assert.equal(doc.meta.title, 'Strike on depot');
  assert.equal(doc.meta.outlet, 'Example News');
  assert.equal(doc.meta.published, '2024-01-12T09:41:00Z');
  assert.equal(doc.meta.url, 'https://example.com/a');
});

test('values given by the user win over what the page says', () => {
  const doc = normalise({ source: 'p.html', html: PAGE, title: 'Mine', outlet: 'Reuters', published: '2024-01-13', url: 'https://x.org/1' });
  assert.deepEqual(
    [doc.meta.title, doc.meta.outlet, doc.meta.published, doc.meta.url],
    ['Mine', 'Reuters', '2024-01-13', 'https://x.org/1'],
  );
});

test('a text not in English is read, with a warning naming its language', () => {
  const doc = normalise({ source: 'line 4', text: 'قال مسؤولون إن الغارة الجوية أسفرت عن مقتل ثلاثة أشخاص في المدينة' });
  assert.equal(doc.meta.language, 'ar');
  assert.deepEqual(doc.warnings, ['language: ar, not English; extraction is tuned for English']);
});

test('bad input is refused in one line naming the input', () => {
  assert.equal(problem(() => normalise({ source: 'e.txt', bytes: Buffer.alloc(0) })), 'e.txt: empty input: no text to read');
  assert.equal(problem(() => normalise({ source: 'line 3', text: ' \n\t ' })), 'line 3: empty input: only whitespace');
  assert.equal(problem(() => normalise({ source: 'z.txt', text: '\u200b\ufeff ' })), 'z.txt: empty input: only whitespace');
  assert.equal(problem(() => normalise({ source: 'line 5', text: 'a\u0000b' })), 'line 5: binary data, not text (contains NUL characters)');
  assert.equal(problem(() => normalise({ source: 'c.txt', text: '\u0001\u0002\u0003 \u0004' })), 'c.txt: binary data, not text (mostly control or replacement characters)');
  assert.match(problem(() => normalise({ source: 'l.txt', bytes: Buffer.from([0x61, 0xff, 0x62]) })), /^l\.txt: invalid UTF-8 at byte 1/);
  assert.equal(
    problem(() => normalise({ source: 'n.html', html: '<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>' })),
    'n.html: no article text found in the HTML',
  );
});
