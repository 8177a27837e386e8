import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headOfName, headAfter, heads } from './heads.js';
import { docWith } from './testing.js';
import { data } from '../../data/index.js';

test('heads.tsv: every row has a known kind and position, and admin heads a level', () => {
  const rows = data('gazetteer/heads.tsv');
  assert.ok(rows.length > 100);
  for (const r of rows) {
    assert.ok(['facility', 'quarter', 'admin', 'water', 'terrain'].includes(r.kind), r.head);
    assert.ok(['suffix', 'lead'].includes(r.position), r.head);
    if (r.kind === 'admin') assert.ok(['admin1', 'district'].includes(r.precision), r.head);
    else assert.equal(r.precision, '', r.head);
  }
  assert.ok(heads().suffix.has('local government area'));
});

test('the head ending a name, or leading it, and what is left', () => {
  assert.deepEqual(pick(headOfName('Kaplan Street')), ['facility', 'Kaplan', null]);
  assert.deepEqual(pick(headOfName('Ain al-Asad air base')), ['facility', 'Ain al-Asad', null]);
  assert.deepEqual(pick(headOfName('Maru Local Government Area')), ['admin', 'Maru', 'district']);
  assert.deepEqual(pick(headOfName('Hodeidah province')), ['admin', 'Hodeidah', 'admin1']);
  assert.deepEqual(pick(headOfName('the Atalaya neighbourhood')), ['quarter', 'Atalaya', null]);
  assert.deepEqual(pick(headOfName('River Nile')), ['water', 'Nile', null]);
  assert.deepEqual(pick(headOfName('Cal Miskaad mountains')), ['terrain', 'Cal Miskaad', null]);
  // a head alone is no name, and a name without a head has none
  assert.equal(headOfName('Square'), null);
  assert.equal(headOfName('Damascus'), null);
});

test('a head in the lower-case words after the name, shared by coordinated names only when plural', () => {
  const text = 'Strikes hit the Haret Hreik and Ghobeiry neighbourhoods, and Tibnin and Idlib province.';
  const d = docWith(text, [['Haret Hreik', 'GPE'], ['Ghobeiry', 'GPE'], ['Tibnin', 'GPE'], ['Idlib', 'GPE']]);
  const ms = new Map(d.entities.map((e) => [e.name, e.mentions[0]]));
  const at = (t: number) => [...ms.values()].find((m) => m.first === t);
  assert.equal(headAfter(d, ms.get('Haret Hreik')!, at)?.words, 'neighbourhoods');
  assert.equal(headAfter(d, ms.get('Ghobeiry')!, at)?.kind, 'quarter');
  assert.equal(headAfter(d, ms.get('Idlib')!, at)?.precision, 'admin1');
  // "Tibnin and Idlib province": the province is Idlib's alone
  assert.equal(headAfter(d, ms.get('Tibnin')!, at), null);
});

function pick(h: ReturnType<typeof headOfName>) {
  return h ? [h.kind, h.base, h.precision] : null;
}
