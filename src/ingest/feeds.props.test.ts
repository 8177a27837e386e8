// Property tests (fast-check) for feeds: random items written as RSS 2.0 and as Atom read back with
// the same titles, links and bodies; any prefix of a feed either parses or fails with a one-line
// reason, never with another kind of error. Seed: SITREP_FUZZ_SEED; runs: SITREP_FUZZ_RUNS.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFeed } from './feeds.js';

const SEED = Number(process.env.SITREP_FUZZ_SEED) || 20261207;
const RUNS = Number(process.env.SITREP_FUZZ_RUNS) || 200;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Text as XML 1.0 allows it (no control characters but tab and line ends, no lone surrogates), and
// as the reader keeps it (trimmed, entity-free words).
const words = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0 && !/[&<>]/.test(s));
const items = fc.array(fc.record({ title: words, body: words, slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/) }), { minLength: 0, maxLength: 8 });

function rss(its: { title: string; body: string; slug: string }[]): string {
  const body = its.map((i) => `<item><title>${xml(i.title)}</title><link>https://feed.example/${i.slug}</link><description>${xml(i.body)}</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Props Wire</title>${body.join('')}</channel></rss>`;
}

function atom(its: { title: string; body: string; slug: string }[]): string {
  const body = its.map((i) => `<entry><title>${xml(i.title)}</title><link rel="alternate" href="https://feed.example/${i.slug}"/><id>urn:x:${i.slug}</id><updated>2024-03-05T10:00:00Z</updated><summary>${xml(i.body)}</summary></entry>`);
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Props Wire</title>${body.join('')}</feed>`;
}

it('RSS and Atom: every item read back with its title, link, body and date (property)', () => {
  fc.assert(
    fc.property(items, fc.boolean(), (its, isAtom) => {
      const feed = parseFeed(isAtom ? atom(its) : rss(its));
      assert.equal(feed.title, 'Props Wire');
      assert.deepEqual(
        feed.items.map((i) => [i.title, i.url, i.body, i.published]),
        its.map((i) => [i.title, `https://feed.example/${i.slug}`, i.body, '2024-03-05T10:00:00Z']),
      );
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

it('a feed cut anywhere parses or is refused with a one-line reason (property)', () => {
  fc.assert(
    fc.property(items, fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), (its, isAtom, at) => {
      const whole = isAtom ? atom(its) : rss(its);
      const cut = whole.slice(0, Math.floor(at * whole.length));
      try {
        const feed = parseFeed(cut);
        assert.ok(feed.items.length <= its.length);
      } catch (e) {
        assert.ok(e instanceof Error);
        assert.match(e.message, /^(not well-formed XML|not an RSS or Atom feed)/);
        assert.ok(!e.message.includes('\n'), e.message);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
