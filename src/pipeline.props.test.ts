// Property tests (fast-check) for extraction: any text (any code point, lone surrogates and
// controls included) and any tag soup either yields a document that passes checkDocument or is
// refused with an InputError that names the input. Seed: SITREP_FUZZ_SEED; runs: SITREP_FUZZ_RUNS.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extract } from './pipeline.js';
import { checkDocument } from './contract.js';
import { InputError } from './errors.js';

const SEED = Number(process.env.SITREP_FUZZ_SEED) || 20261207;
const RUNS = Number(process.env.SITREP_FUZZ_RUNS) || 150;

const news = fc.constantFrom(
  'Russian forces shelled Kharkiv on Monday, killing 3 civilians.',
  '"We will respond," the minister said.',
  'Protesters gathered in Basra (Iraq) on 7 May.',
  'DAMASCUS, April 4 (Reuters) - ',
  'Two people were killed and 18 injured, police said.',
  '\n\n',
);
const tags = fc.constantFrom('p', 'div', 'article', 'script', 'style', 'h1', 'a', 'b', 'li', 'table', 'td', 'blockquote', 'time', 'br');
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const piece = fc.oneof(news, anyText, fc.string({ unit: 'grapheme', maxLength: 40 }));
const text = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(' '));
const html = fc
  .array(fc.tuple(tags, piece, fc.boolean()), { maxLength: 12 })
  .map((xs) => `<html><head><title>t</title></head><body>${xs.map(([t, p, close]) => `<${t}>${p}${close ? `</${t}>` : ''}`).join('')}</body></html>`);

function check(input: string, isHtml: boolean): void {
  let doc;
  try {
    doc = extract({ source: 'props', text: input, isHtml, published: '2024-03-06' }, { includeText: true });
  } catch (e) {
    assert.ok(e instanceof InputError, `not an InputError: ${(e as Error).stack}`);
    assert.match((e as Error).message, /props/);
    return;
  }
  assert.deepEqual(checkDocument(doc), []);
}

it('any text: a valid document or a clear refusal (property)', () => {
  fc.assert(fc.property(text, (t) => check(t, false)), { seed: SEED, numRuns: RUNS });
});

it('any tag soup: a valid document or a clear refusal (property)', () => {
  fc.assert(fc.property(html, (h) => check(h, true)), { seed: SEED, numRuns: RUNS });
});
