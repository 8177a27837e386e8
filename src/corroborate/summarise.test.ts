import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from './summarise.js';
import { AT, USA, claim, ev } from './testing.js';

const ISR_MILITARY = { country: 'ISR', name: 'Israeli military', kind: 'military' };

test('fatalities: every figure with who reports it, and the lowest as consensus', () => {
  const s = summarise([
    ev('mehr:e6', {
      outlet: 'Mehr News Agency',
      fatalities: 2,
      claims: [claim('Mehr News Agency', { claimant: 'an anonymous military source', via: ['SANA'], stance: 'reported' })],
    }),
    ev('reuters:e1', { fatalities: 4 }),
  ]);
  assert.deepEqual(
    s.fatalities.reported.map((r) => ({ value: r.value, claims: r.claims })),
    [
      { value: 2, claims: ['an anonymous military source via SANA via Mehr News Agency'] },
      { value: 4, claims: ['Reuters'] },
    ],
  );
  assert.equal(s.fatalities.consensus, 2);
  assert.equal(s.civilians.consensus, null);
});

test("fatalities: a source's revised toll replaces its own earlier figure", () => {
  const s = summarise([
    ev('r1:e1', { fatalities: 3, published: '2023-04-04' }),
    ev('r2:e1', { fatalities: 7, published: '2023-04-05' }), // Reuters again, the next day
    ev('ap:e1', { outlet: 'Associated Press', fatalities: 5, claims: [claim('Associated Press')] }),
  ]);
  assert.deepEqual(s.fatalities.reported.map((r) => r.value), [3, 5, 7]);
  assert.equal(s.fatalities.consensus, 5); // Reuters' latest is 7, AP's 5: the lower
});

test('syndication: a reprint crediting the wire counts once', () => {
  const s = summarise([ev('reuters:e1'), ev('yahoo:e1', { outlet: 'Yahoo News', outletGroup: 'reuters', claims: [claim('Yahoo News')] })]);
  assert.equal(s.corroboration.independentSources, 1);
  assert.deepEqual(s.corroboration.sources[0].outlets, ['Reuters', 'Yahoo News']);
  assert.deepEqual(s.corroboration.sources[0].how, ['own report', 'wire credit']);
  assert.equal(s.corroboration.grade, 'weak');
});

test('syndication: near-identical text without a credit counts once', () => {
  const text = 'Israeli missiles struck a building near Damascus early on Tuesday, killing two civilians and wounding three others, the Syrian army said.';
  const s = summarise([
    ev('a:e1', { outlet: 'Daily One', claims: [claim('Daily One')], evidence: text }),
    ev('b:e1', { outlet: 'Daily Two', claims: [claim('Daily Two')], evidence: text.replace('early on Tuesday', 'on Tuesday') }),
  ]);
  assert.equal(s.corroboration.independentSources, 1);
  assert.ok(s.corroboration.sources[0].how.includes('near-identical text'));
});

test('syndication: an outlet reporting many times is one group; a near-identical copy elsewhere joins it', () => {
  const text = 'Israeli missiles struck a building near Damascus early on Tuesday, killing two civilians and wounding three others, the Syrian army said.';
  const other = 'Rockets hit an army post outside Homs overnight, a war monitor said, without giving a toll or naming who fired them.';
  const one = (id: string, evidence: string) => ev(`${id}:e1`, { outlet: 'Daily One', claims: [claim('Daily One')], evidence });
  const s = summarise([
    one('a1', other),
    one('a2', text),
    one('a3', other),
    ev('b:e1', { outlet: 'Daily Two', claims: [claim('Daily Two')], evidence: text.replace('early on Tuesday', 'on Tuesday') }),
    ev('c:e1', { outlet: 'Daily Three', claims: [claim('Daily Three')], evidence: other.replace('overnight', 'at night') }),
    ev('d:e1', { outlet: 'Daily Four', claims: [claim('Daily Four')], evidence: 'An entirely different account of a strike on a fuel depot, in words of its own.' }),
  ]);
  // Daily Two copies a2 and Daily Three copies a1/a3: both join Daily One's group; Daily Four stands apart.
  assert.equal(s.corroboration.independentSources, 2);
  const big = s.corroboration.sources.find((g) => g.articles.length > 1)!;
  assert.deepEqual(big.articles, ['a1', 'a2', 'a3', 'b', 'c']);
  assert.deepEqual(big.how, ['near-identical text', 'own report']);
  assert.deepEqual(s.corroboration.sources.find((g) => g.articles.length === 1)!.how, ['own report']);
});

test('relay: a report whose claims all come through SANA counts as SANA', () => {
  const s = summarise([
    ev('mehr:e6', { outlet: 'Mehr News Agency', claims: [claim('Mehr News Agency', { claimant: 'a military source', via: ["Syria's official news agency SANA"] }), claim('Mehr News Agency')] }),
    ev('sana:e1', { outlet: 'SANA', claims: [claim('SANA', { claimant: 'a military source' })] }),
  ]);
  assert.equal(s.corroboration.independentSources, 1);
  assert.equal(s.corroboration.sources[0].id, 'sana');
});

test('relay: claims naming no outlet ("the military source said") do not stop a relay', () => {
  const s = summarise([
    ev('mehr:e6', { outlet: 'Mehr News Agency', claims: [claim('Mehr News Agency', { claimant: 'a military source', via: ['SANA'] })] }),
    ev('mehr:e7', { outlet: 'Mehr News Agency', kind: 'interception', claims: [claim('Mehr News Agency', { claimant: 'the military source' })] }),
    ev('sana:e1', { outlet: 'SANA', claims: [claim('SANA')] }),
  ]);
  assert.deepEqual(s.corroboration.sources.map((g) => [g.id, g.how]), [['sana', ['own report', 'relay']]]);
});

test('grade confirmed: the initiator accepts responsibility', () => {
  const s = summarise([ev('toi:e1', { outlet: 'The Times of Israel', claims: [claim('The Times of Israel', { claimant: 'the Israeli military', stance: 'reported', actor: ISR_MILITARY })] })]);
  assert.equal(s.corroboration.grade, 'confirmed');
  assert.match(s.corroboration.reason, /the Israeli military via The Times of Israel/);
});

test("grade confirmed: not by the target's side, which only accuses", () => {
  const s = summarise([ev('sana:e1', { outlet: 'SANA', claims: [claim('SANA', { claimant: 'the Syrian army', actor: { country: 'SYR', name: 'Syrian army', kind: 'military' } })] })]);
  assert.equal(s.corroboration.grade, 'weak');
});

test("grade confirmed: read per event — the target's officials reporting an attack accept nothing", () => {
  // One report names the wrong initiator (Syria); Syrian officials report the strike: no acceptance.
  const s = summarise([
    ev('a:e1', { outlet: 'AFP', claims: [claim('AFP', { claimant: 'Syrian officials', actor: { country: 'SYR', name: 'Syrian officials', kind: 'government' } })] }),
    ev('b:e1', { outlet: 'AP', initiator: { country: 'SYR', name: 'Syria', kind: 'state' }, claims: [claim('AP')] }),
  ]);
  assert.equal(s.corroboration.grade, 'contested');
});

test('grade contested: reports name different initiators', () => {
  const s = summarise([ev('a:e1'), ev('b:e1', { outlet: 'AFP', claims: [claim('AFP')], initiator: USA })]);
  assert.equal(s.corroboration.grade, 'contested');
  assert.equal(s.initiator.consensus, null); // one source each: a tie
});

test('grade contested: the named initiator denies it', () => {
  const s = summarise([
    ev('a:e1'),
    ev('b:e1', { outlet: 'AFP', claims: [claim('AFP', { claimant: 'an Israeli army spokesman', stance: 'denied', actor: ISR_MILITARY })] }),
  ]);
  assert.equal(s.corroboration.grade, 'contested');
  assert.deepEqual(s.corroboration.denials, ['an Israeli army spokesman via AFP']);
});

test('grade fair: two independent sources, not both state media of a party', () => {
  const s = summarise([ev('sana:e1', { outlet: 'SANA', claims: [claim('SANA')] }), ev('afp:e1', { outlet: 'AFP', claims: [claim('AFP')] })]);
  assert.equal(s.corroboration.grade, 'fair');
  assert.equal(s.corroboration.independentSources, 2);
});

test("grade weak: two sources that are both a party's state media", () => {
  const s = summarise([ev('sana:e1', { outlet: 'SANA', claims: [claim('SANA')] }), ev('ina:e1', { outlet: 'SANA English', outletGroup: 'sana', claims: [claim('SANA English')] }), ev('irna:e1', { outlet: 'IRNA', claims: [claim('IRNA')], target: { country: 'IRN', name: 'Iranian advisers', kind: 'military' } })]);
  assert.equal(s.corroboration.independentSources, 2);
  assert.equal(s.corroboration.grade, 'weak');
});

test('grade discounted: every source later retracted its report', () => {
  const s = summarise([
    ev('a1:e1', { outlet: 'Daily One', claims: [claim('Daily One')], published: '2023-04-05' }),
    ev('a2:e1', { outlet: 'Daily One', claims: [claim('Daily One', { stance: 'denied' })], published: '2023-04-06' }),
  ]);
  assert.equal(s.corroboration.grade, 'discounted');
});

test('consensus kind: the most reported, an interception only when nothing else is', () => {
  const s = summarise([ev('a:e1', { kind: 'interception' }), ev('b:e1', { kind: 'interception', outlet: 'AFP', claims: [claim('AFP')] }), ev('c:e1', { kind: 'missile_attack', outlet: 'AP', claims: [claim('AP')] })]);
  assert.equal(s.kind.consensus, 'missile_attack');
  assert.equal(summarise([ev('a:e1', { kind: 'interception' })]).kind.consensus, 'interception');
});

test('consensus location: the most precise place; date: the narrowest range', () => {
  const s = summarise([
    ev('a:e1', { ...AT.syria, date: '2023-04-01', dateEnd: '2023-04-30', datePrecision: 'month' }),
    ev('b:e1', { ...AT.damascusAirport, outlet: 'AFP', claims: [claim('AFP')] }),
  ]);
  assert.equal(s.location.consensus?.name, 'Damascus International Airport');
  assert.equal(s.date.consensus?.start, '2023-04-04');
});

test('summaries do not depend on the order of events', () => {
  const events = [ev('c:e1', { fatalities: 3 }), ev('a:e1', { outlet: 'AFP', claims: [claim('AFP')], fatalities: 2 }), ev('b:e1', { outlet: 'SANA', claims: [claim('SANA')] })];
  assert.deepEqual(summarise(events), summarise([...events].reverse()));
});
