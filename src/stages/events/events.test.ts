import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../pipeline.js';
import { checkDocument, type Document, type Event } from '../../contract.js';

function read(text: string, published = '2024-03-06'): Document {
  const doc = extract({ source: 'test', text, published, outlet: 'Test Wire' }, { includeText: true });
  assert.deepEqual(checkDocument(doc), []);
  return doc;
}
const only = (d: Document, kind: string): Event => {
  const es = d.events.filter((e) => e.kind === kind);
  assert.equal(es.length, 1, `one ${kind} event in ${JSON.stringify(d.events.map((e) => e.kind))}`);
  return es[0];
};
const placeName = (d: Document, e: Event) => d.places.find((p) => p.id === e.location?.place)?.name;

test('an air strike: initiator from the demonym, target after "on", place and day', () => {
  const d = read('Israeli warplanes struck targets near Damascus on Tuesday, killing three soldiers.');
  const e = only(d, 'air_strike');
  assert.equal(e.initiator?.country, 'ISR');
  assert.equal(placeName(d, e), 'Damascus');
  assert.equal(e.location?.relation, 'near');
  assert.equal(e.time?.start, '2024-03-05');
  assert.equal(e.fatalities?.military, 3);
  assert.equal(e.acled?.sub_event_type, 'Air/drone strike');
  assert.equal(e.historical, false);
});

test('a missile attack reported by a source through an agency, and its interception', () => {
  const d = read(
    'An anonymous military source told the Syrian Arab News Agency (SANA) that Israel launched a missile attack against Syria early on Tuesday. According to the military source, Syrian air defenses intercepted Israeli missiles. The attack killed two civilians.',
  );
  const strike = only(d, 'missile_attack');
  assert.equal(strike.initiator?.country, 'ISR');
  assert.equal(strike.target?.country, 'SYR');
  assert.equal(strike.fatalities?.civilians, 2);
  assert.match(strike.claims[0].claimant ?? '', /military source/);
  assert.equal(strike.claims[0].outlet, 'Test Wire');
  const icpt = only(d, 'interception');
  assert.equal(icpt.initiator?.country, 'SYR');
  assert.equal(icpt.acled?.sub_event_type, 'Disrupted weapons use');
});

test('one occurrence told in three sentences is one event', () => {
  const d = read('Russian forces shelled Kharkiv on Monday. The shelling hit a school in the city centre. Four civilians were killed, officials said.');
  assert.equal(d.events.filter((e) => e.kind === 'shelling').length, 1);
  assert.equal(only(d, 'shelling').fatalities?.civilians, 4);
});

test('a time in a relative clause dates that clause, not the event around it', () => {
  const d = read('On Monday, workers of a steel company, which closed down a few years ago, held a protest in Isfahan against their unemployment.');
  const e = only(d, 'protest');
  assert.equal(e.historical, false);
  assert.equal(e.time?.start, '2024-03-04');
  // The trigger after the clause, and the clause after the trigger: the same.
  const after = only(read('Workers held a protest outside the steel plant, which closed a few years ago, in Isfahan on Monday.'), 'protest');
  assert.equal(after.time?.start, '2024-03-04');
});

test('a time after "born" or "founded" dates the person or the group, never the event (data/events/arguments.yaml attribute_participles)', () => {
  const arrest = only(read('Security officers detained a teacher born in 1989 in Kirkuk on suspicion of spying.'), 'arrest');
  assert.equal(arrest.historical, false);
  assert.notEqual(arrest.time?.text, '1989');
  const strike = read('The militia, founded in 2014, fired rockets at the airport on Monday.').events[0];
  assert.equal(strike.time?.start, '2024-03-04');
});

test('background: "In July 2020" makes a historical event', () => {
  const d = read('In July 2020, Iran and Syria agreed to expand their military partnership.');
  const e = only(d, 'agreement');
  assert.equal(e.historical, true);
  assert.equal(e.initiator?.country, 'IRN');
  assert.equal(e.target?.country, 'SYR');
});

test('modes: denied, threatened, future', () => {
  const denied = read('The Israeli military denied carrying out the strike on the village near Tyre on Sunday.');
  assert.ok(denied.events.some((e) => e.mode === 'negated'));
  const threat = read('Hezbollah threatened to strike Haifa if the shelling continued.');
  assert.ok(threat.events.every((e) => e.mode !== 'actual'));
  const future = read('Germany will deliver air defense systems to Ukraine next month.');
  assert.ok(future.events.some((e) => e.kind === 'arms_transfer' && e.mode === 'future'));
});

test('a speech act in an aside does not silence the main clause\'s own', () => {
  const kinds = read('A rocket hit a base near Basra on Monday. The faction, which the governor has accused of earlier attacks, denied any role.').events.map((e) => e.kind);
  assert.ok(kinds.includes('denial'), kinds.join(', '));
  const second = read('A drone hit a depot near Erbil on Monday. Kata\'ib Sayyid, a faction that officials have blamed for past strikes, rejected the claim.').events.map((e) => e.kind);
  assert.ok(second.includes('denial'), second.join(', '));
});

test('the complement of a complaint is not an event of its own', () => {
  const d = read('Syria has complained about Israeli attacks to the UN on several occasions.');
  assert.deepEqual(
    d.events.map((e) => e.kind),
    ['accusation'],
  );
});

test('no actual event after publication', () => {
  const d = read('Clashes erupted in Gao on 12 March 2024 between the army and JNIM fighters.', '2024-03-06');
  assert.ok(d.events.every((e) => e.mode !== 'actual' || !e.time?.start || e.time.start <= '2024-03-06'));
});

test('every event has a claim and evidence', () => {
  const d = read('Protesters gathered in central Khartoum on Friday. Police arrested 12 of them, witnesses said.');
  assert.ok(d.events.length >= 2);
  for (const e of d.events) {
    assert.ok(e.claims.length >= 1);
    assert.ok(e.evidence.length >= 1);
  }
  assert.ok(d.events.some((e) => e.kind === 'protest'));
  assert.ok(d.events.some((e) => e.kind === 'arrest'));
});

test('only armed men killed: an armed clash, not an attack on civilians', () => {
  const d = read('Two policemen were killed by unidentified gunmen in Medellin on Monday.');
  assert.ok(d.events.some((e) => e.kind === 'armed_clash' && e.fatalities?.military === 2));
  assert.ok(!d.events.some((e) => e.kind === 'attack_on_civilians'));
});

test('no event in a heart attack', () => {
  const d = read('The minister died of a heart attack in Beirut on Monday.');
  assert.ok(!d.events.some((e) => e.kind === 'armed_clash'));
});

test('civilians who clash riot: mob violence, or a violent demonstration when they demonstrate; armed sides fight', () => {
  assert.equal(read('Villagers clashed with police in Kafr Qasim on Monday.').events[0]?.kind, 'mob_violence');
  assert.equal(read('Farmers demonstrating against water cuts clashed with soldiers in Basra on Monday.').events.some((e) => e.kind === 'violent_demonstration'), true);
  const battle = read('Rebels clashed with soldiers near Idlib on Monday.');
  assert.deepEqual(battle.events.map((e) => e.kind), ['armed_clash']);
  // "Fighting" is left to armed sides: the villagers there are its victims.
  assert.equal(read('Two villagers were killed in fighting between the army and rebels near Idlib on Monday.').events.some((e) => e.kind === 'armed_clash'), true);
});

test('armed groups by their Arabic acronyms, and two groups of one country as two sides', () => {
  const qsd = read('QSD arrested four men in Raqqa on Monday.');
  const taken = qsd.events.find((e) => e.kind === 'abduction');
  // A non-state group's detentions are abductions (ACLED).
  assert.equal(taken?.initiator?.name, 'Syrian Democratic Forces');
  const two = read('Houthi forces fired mortar shells at National Resistance forces in Hays on Monday.');
  assert.equal(two.events[0]?.initiator?.name, 'Houthis');
  assert.equal(two.events[0]?.target?.name, 'National Resistance Forces');
});

test('people gathering to demand something protest: the demand is the protest, not an appeal', () => {
  const d = read('On Monday, hundreds of nurses gathered at the main square of Sfax, demanding unpaid wages.');
  assert.deepEqual(d.events.map((e) => e.kind), ['protest']);
  // A demand without a gathering stays an appeal.
  assert.deepEqual(read('On Monday, the nurses union demanded unpaid wages.').events.map((e) => e.kind), ['appeal']);
});

test('tear gas at people who are not protesting is force against civilians; at protesters, a protest dispersed', () => {
  assert.deepEqual(read('Soldiers fired tear gas at farmers in their fields east of Khan Younis on Monday.').events.map((e) => e.kind), ['attack_on_civilians']);
  const demo = read('Police fired tear gas at protesters in Nairobi on Monday.').events.map((e) => e.kind);
  assert.ok(!demo.includes('attack_on_civilians'), JSON.stringify(demo));
  // A shopkeeper assaulted is a civilian attacked, not a fight.
  assert.deepEqual(read('Militiamen assaulted a qat seller in Dhamar on Monday.').events.map((e) => e.kind), ['attack_on_civilians']);
});

test('a context name before any country is named takes the fitting country named after it in its sentence', () => {
  const d = read('On Tuesday an IAF jet struck a militant commander in Jenin who had planned attacks on Israeli towns.');
  assert.equal(only(d, 'air_strike').initiator?.country, 'ISR');
  // A country named earlier in the report still comes first.
  const e = read('India and Pakistan traded accusations on Monday. On Tuesday an IAF jet struck a camp near Israeli-made radars.');
  assert.equal(only(e, 'air_strike').initiator?.country, 'IND');
});

test('"the attack" far after the one told names it: condemned or unclaimed, it is no second attack', () => {
  const d = read(
    'Gunmen shot dead two engineers in El Alto on Monday night. The engineers worked for a water company. Their families live in Cochabamba. The company has suspended its work in the city. On Tuesday the government in La Paz condemned the attack. No group in Bolivia has claimed this cowardly attack on Monday.',
  );
  const violent = d.events.filter((e) => e.acled?.event_type === 'Violence against civilians' || e.acled?.event_type === 'Battles');
  assert.equal(violent.length, 1, JSON.stringify(d.events.map((e) => e.kind)));
  assert.ok(violent[0].evidence.some((x) => /condemned the attack/.test(x.text)));
});

test('a bombing by a group without aircraft is a planted bomb; by an army, from the air', () => {
  const planted = read('Police said that terrorists tonight bombed the embassy of Peru in La Paz.');
  assert.deepEqual(planted.events.map((e) => e.kind), ['ied_explosion']);
  // the time between subject and verb is no part of the subject
  assert.equal(planted.events[0].initiator?.name, 'terrorists');
  assert.deepEqual(read('Two rebel bombings hit banks in Bogota on Monday.').events.map((e) => e.kind), ['ied_explosion']);
  assert.deepEqual(read('The air force bombed rebel positions near Zacamil on Monday.').events.map((e) => e.kind), ['air_strike']);
});

test('"the bomb" far after the last bombing names only a bombing, not any attack', () => {
  const d = read(
    'Gunmen shot dead a judge in Cali on Monday. The judge had received threats. His family lives in Bogota. The court has closed for a week. On Tuesday the first bomb exploded at a bank in Medellin, wounding six people.',
  );
  assert.deepEqual(d.events.map((e) => e.kind).sort(), ['attack_on_civilians', 'ied_explosion']);
});

test('a definite attack is no future one: "will investigate the attack that killed ten"', () => {
  const d = read('The government will investigate the attack that killed ten union members in San Salvador on Sunday.');
  assert.ok(d.events.some((e) => e.acled?.event_type === 'Battles' || e.acled?.event_type === 'Violence against civilians' ? e.mode === 'actual' : false), JSON.stringify(d.events.map((e) => [e.kind, e.mode])));
  // an attack to come stays future, named by a definite noun too
  assert.ok(read('The rebels will attack the garrison in Chalatenango next week.').events.every((e) => e.mode !== 'actual'));
  assert.ok(read('The army will launch the offensive against the rebels in Cauca.').events.every((e) => e.mode !== 'actual'));
});

test('one object struck pins an attack down with no place, time or toll told; a bare plural does not', () => {
  assert.equal(only(read('Rebels blew up a power substation.'), 'ied_explosion').initiator?.name, 'Rebels');
  only(read('Guerrillas attacked the army headquarters.'), 'armed_clash');
  assert.deepEqual(read('Saboteurs blew up power pylons.').events, []);
});

test('a named victim pins a killing down; a person attacked in words is no attack', () => {
  assert.equal(only(read('Gunmen murdered Judge Ana Ruiz.'), 'attack_on_civilians').target?.name, 'Ana Ruiz');
  assert.deepEqual(read('The senator harshly attacked Ana Ruiz.').events, []);
});

test('an attack told bare takes the weapon a later "the attack" names; a fight between two sides stays one', () => {
  const d = read('Gunmen attacked two bank branches in Medellin on Monday. Police said 40 kg of dynamite were used in the attacks.');
  only(d, 'ied_explosion');
  const f = read('Rebels and soldiers clashed near Medellin on Monday. Police said dynamite was used in the attack.');
  only(f, 'armed_clash');
});

test('an armed group told doing a specific act pins it down; a habit in the present does not', () => {
  only(read('The terrorists placed a charge of dynamite under a bus.'), 'ied_explosion');
  assert.deepEqual(read('Guerrillas kidnap engineers for ransom.').events, []);
  // a named group too, and an attempt told of it
  only(read('The ELN kidnapped Olson.'), 'abduction');
  only(read('The ELN attempted to kidnap the governor.'), 'abduction');
  assert.deepEqual(read('The ELN kidnaps landowners.').events, []);
});

test('the killing or abduction of one person singled out pins it down; of many, or of a collective, it does not', () => {
  const d = read('The party condemned the assassination of the mayor.');
  only(d, 'attack_on_civilians');
  only(read('The kidnapping of the driver shocked the town.'), 'abduction');
  assert.ok(!read('The party condemned the assassination of protesters.').events.some((e) => e.kind === 'attack_on_civilians'));
  assert.deepEqual(read('The kidnapping of the population must stop.').events, []);
});

test('"explosions" told within a fight are part of it; an explosion told alone stays one', () => {
  const d = read('Clashes between the army and rebels began on Saturday near Tibu, with explosions and heavy gunfire.');
  assert.deepEqual(d.events.map((e) => e.kind), ['armed_clash']);
  only(read('Two explosions hit an army depot in Tibu on Saturday.'), 'ied_explosion');
});

test('a weapon word that names a weapon only before its noun: "an air attack", not "in the air"', () => {
  only(read('An air attack hit a market in Idlib on Monday.'), 'air_strike');
  const d = read('The airliner left Bogota on Monday, but an explosion brought it down after five minutes in the air.');
  assert.ok(!d.events.some((e) => e.kind === 'air_strike'), JSON.stringify(d.events.map((e) => e.kind)));
});

test('arms stolen in a fight are its spoils, not a looting of their own; shops looted after it stay one', () => {
  const d = read("After ambushing a police patrol near Cali on Monday, the rebels stole the policemen's rifles.");
  assert.deepEqual(d.events.map((e) => e.kind), ['armed_clash']);
  assert.ok(read('Rebels attacked Cali on Monday and looted shops.').events.some((e) => e.kind === 'looting'));
});

test('a headline and a key point tell the event the report tells below: one event, not three', () => {
  const text = [
    'Live: rebels shell Goma airport; talks in Luanda stall',
    '• Four civilians killed as shells hit market near Goma airport',
    '• Delegations leave Luanda without a date for the next round',
    '12:30 — The United Nations said it was sending food to families who fled the fighting. Aid workers said roads north of the city were blocked. Schools in the city stayed closed for a second day.',
    '11:05 — The health ministry said a cholera vaccination campaign would start next week in the camps around the city.',
    '10:15 — Rebel artillery shelled the market beside Goma airport this morning, killing four civilians, the provincial governor said.',
    '09:00 — Mediators in Luanda said talks between the two delegations had stalled.',
  ].join('\n\n');
  const d = extract({ source: 'test', text, published: '2024-02-20', outlet: 'Test Live' });
  const shelling = d.events.filter((e) => e.kind === 'shelling');
  assert.equal(shelling.length, 1, JSON.stringify(d.events.map((e) => [e.kind, e.evidence[0].text])));
  // told in full below, with the summaries as further evidence
  assert.equal(shelling[0].fatalities?.total, 4);
  assert.ok(shelling[0].evidence.some((s) => s.text.startsWith('10:15')));
  assert.ok(shelling[0].evidence.length >= 2);
});

test('a headline tells in its own words what the body tells: one demonstration, one visit to come', () => {
  const text = [
    'Live: farmers rally in Lyon; minister due in Lille for talks',
    '13:00 — The United Nations said it was sending food to families in the camps. Aid workers said roads north of the city were blocked. Schools in the city stayed closed for a second day.',
    '12:00 — The agriculture minister is expected to travel to Lille on Wednesday for talks with farmers\' unions.',
    '11:05 — The health ministry said a vaccination campaign would start next week in the camps around the city.',
    '11:00 — In Lyon, farmers threw stones at the prefecture on Tuesday and set fire to tyres outside it, police said.',
  ].join('\n\n');
  const d = extract({ source: 'test', text, published: '2024-02-20', outlet: 'Test Live' });
  const ks = JSON.stringify(d.events.map((e) => [e.kind, e.mode, e.evidence[0].text.slice(0, 40)]));
  assert.equal(d.events.filter((e) => ['protest', 'protest_with_intervention', 'violent_demonstration', 'mob_violence'].includes(e.kind)).length, 1, ks);
  assert.equal(d.events.filter((e) => e.kind === 'consultation').length, 1, ks);
});

test('a line marked "Summary:" sums up the report like a key point', () => {
  const text = [
    'Farm protests live',
    'Summary: The agriculture minister is due in Lille for talks with farmers\' unions.',
    '13:00 — The United Nations said it was sending food to families in the camps. Aid workers said roads north of the city were blocked. Schools in the city stayed closed for a second day.',
    '12:00 — The agriculture minister is expected to travel to Lille on Wednesday for talks with farmers\' unions.',
  ].join('\n\n');
  const d = extract({ source: 'test', text, published: '2024-02-20', outlet: 'Test Live' });
  assert.equal(d.events.filter((e) => e.kind === 'consultation').length, 1, JSON.stringify(d.events.map((e) => [e.kind, e.evidence[0].text.slice(0, 40)])));
});

test('a headline that matches nothing below stays an event', () => {
  const text = ['Gunmen abduct 12 villagers near Kankara', 'Police in Katsina said they were searching the forest and that no group had made contact.'].join('\n\n');
  const d = extract({ source: 'test', text, published: '2024-03-18', outlet: 'Test Wire' });
  assert.ok(d.events.some((e) => e.kind === 'abduction'), JSON.stringify(d.events.map((e) => e.kind)));
});

test('the time of a reporting verb dates the report, not an event told with a time of its own', () => {
  // published on a Wednesday: "on Wednesday" is the day the army spoke, "on Tuesday" the day of the killing
  const d = read('The army said on Wednesday that gunmen killed five soldiers on Tuesday near Pokrovsk.');
  const e = d.events.find((x) => x.kind !== 'statement');
  assert.equal(e?.time?.start, '2024-03-05');
});

test('an event told again in a dated report joins the earlier telling of its day', () => {
  const d = read(
    'Gunmen killed five soldiers near Pokrovsk on Tuesday.\n\nThe region has seen heavy fighting for months. Residents have fled to the west. Schools remain closed across the district. Aid groups have warned of shortages of food and medicine.\n\nThe army said on Wednesday that gunmen had killed five soldiers near Pokrovsk.',
  );
  const e = only(d, 'armed_clash');
  assert.equal(e.time?.start, '2024-03-05');
});

test('a report of no particular attack is no event, a denied attack is a negated one', () => {
  for (const text of ['The defence ministry did not report any strikes on Kharkiv.', 'The army did not mention any shelling of Kherson.', 'Local officials said there were no reports of clashes in Kaduna.'])
    assert.deepEqual(read(text).events.map((e) => e.kind), [], text);
  assert.equal(only(read('The spokesman said Israeli forces had not carried out any air strikes in Syria.'), 'air_strike').mode, 'negated');
  assert.deepEqual(read('The spokesman said Israeli forces had not reported any air strikes in Syria.').events.filter((e) => e.kind === 'air_strike'), []);
});

test('one side withdrawing where the other takes the ground, in one sentence, is one change of ground', () => {
  const d = read('Rebel fighters seized the border town of Tumaco on Sunday after government troops withdrew.');
  const ks = d.events.map((e) => e.kind);
  assert.ok(ks.includes('nonstate_overtakes_territory'), JSON.stringify(ks));
  assert.ok(!ks.includes('territory_transfer'), JSON.stringify(ks));
  // a withdrawal told alone stays one
  assert.ok(read('Government troops withdrew from the border town of Tumaco on Sunday.').events.some((e) => e.kind === 'territory_transfer'));
});

test('an interception told with no attack beside it tells the attack too, at its place and day; one told beside it is the attack', () => {
  const d = read('Air defences shot down a drone launched by the rebels toward the airport in Abha on Tuesday, the coalition said.');
  assert.deepEqual(d.events.map((e) => e.kind).sort(), ['drone_strike', 'interception']);
  assert.equal(placeName(d, only(d, 'drone_strike')), 'Abha');
  assert.equal(only(d, 'drone_strike').time?.start, only(d, 'interception').time?.start);
  const told = read('Rebel drones struck a power station in Kassala on Tuesday, causing a fire. Air defences shot down six drones, the army said.');
  assert.deepEqual(told.events.map((e) => e.kind), ['drone_strike', 'interception']);
});

test('the attack an interception tells is by whoever launched the weapon, on the side that shot it down', () => {
  const d = read('Air defences shot down a drone launched by the Houthi rebels toward the airport in Abha on Tuesday.');
  const strike = only(d, 'drone_strike');
  assert.equal(strike.initiator?.country, 'YEM');
  assert.equal(strike.target?.country, 'SAU');
  // the launcher named after "by" did not do the shooting down
  assert.equal(only(d, 'interception').initiator?.country, 'SAU');
  // a drone whose launcher is not told was not the defenders' own
  const unowned = only(read('Air defences intercepted a drone over the city of Erbil on Monday, officials said.'), 'drone_strike');
  assert.equal(unowned.initiator, null);
  assert.equal(unowned.target?.country, 'IRQ');
  const owned = only(read('Syrian air defences shot down a Turkish drone over the town of Saraqib on Monday.'), 'drone_strike');
  assert.deepEqual([owned.initiator?.country, owned.target?.country], ['TUR', 'SYR']);
});

test('"brought down", "downed" stop a weapon in flight; workers who "downed tools" stopped nothing', () => {
  const d = read('A drone attack targeted an air base in Anbar province on Tuesday. Officials said the drone was brought down before it reached the base.');
  only(d, 'interception');
  const missiles = read('Israeli jets struck army sites near Hama on Monday, and air defences confronted the missiles and downed some of them, a military source said.');
  only(missiles, 'interception');
  const strike = read('Dock workers in Basra downed tools on Monday to demand unpaid wages.');
  assert.equal(strike.events.filter((e) => e.kind === 'interception').length, 0);
});

test('what a speaker says others must do is an appeal to them, made by the speaker', () => {
  const d = read('“The authorities must immediately release the detained activists,” said a spokeswoman for the organisation.');
  const e = only(d, 'appeal');
  assert.equal(e.target?.name, 'authorities');
  // the speaker's side makes the appeal: here the body it speaks for, of no country the text tells
  assert.equal(e.initiator?.country ?? null, null);
  const f = only(read('“The Security Council must impose sanctions on the junta,” said a spokeswoman for the Iranian foreign ministry.'), 'appeal');
  assert.equal(f.initiator?.country, 'IRN');
  // a speaker named after the appeal, of no side, speaks for none: no side from the sentences before
  const g = only(read('Saudi Arabia said on Monday that it would host talks in Jeddah. The UN Security Council should extend the arms embargo to all of Sudan, Rights Watchers said.'), 'appeal');
  assert.notEqual(g.initiator?.country, 'SAU');
});
