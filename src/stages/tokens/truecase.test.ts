import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCaseless, truecase } from './truecase.js';
import { extract } from '../../pipeline.js';

const LOWER =
  'the foreign ministry said on friday that two italian engineers and a spanish technician were kidnapped on thursday in colombia, ' +
  'some thirty kilometers from the city of medellin. the men work for a firm building a dam near the border with venezuela.';

test('a text without capitals inside its sentences is caseless; news written with capitals is not', () => {
  assert.equal(isCaseless(LOWER), true);
  assert.equal(isCaseless('The foreign ministry said on Friday that two Italian engineers were kidnapped on Thursday in Colombia, some thirty kilometers from Medellin, near the border with Venezuela and Ecuador.'), false);
  // Too short to tell: left alone.
  assert.equal(isCaseless('shelling hit the town.'), false);
});

test('truecasing capitalises the names it knows and keeps every offset', () => {
  const t = truecase(LOWER);
  assert.equal(t.length, LOWER.length);
  assert.equal(t.toLowerCase(), LOWER.toLowerCase());
  for (const name of ['Italian', 'Spanish', 'Colombia', 'Medellin', 'Venezuela']) assert.ok(t.includes(name), name);
  // Generic words before a name stay as they are; a name's inner particles stay lower case.
  assert.ok(t.includes('the city of Medellin'));
  assert.equal(truecase('he said that in el salvador and in bosnia and herzegovina and near the north coast the army attacked again'), 'he said that in El Salvador and in Bosnia and Herzegovina and near the north coast the army attacked again');
});

test('known acronyms are written in capitals', () => {
  assert.ok(truecase('the statement said the sdf and hts had clashed near the town').includes('SDF and HTS'));
});

test('through the pipeline: a lower-case report yields its place and its event', () => {
  const doc = extract({ source: 'test', text: LOWER, published: '1990-01-12' });
  assert.ok(doc.places.some((p) => p.country === 'CO'), JSON.stringify(doc.places.map((p) => p.name)));
  assert.ok(doc.events.some((e) => e.kind === 'abduction'));
});
