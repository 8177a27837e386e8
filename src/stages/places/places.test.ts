import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runPlaces, places } from './index.js';
import { docWith, type HandEntity } from './testing.js';
import { distanceKm } from '../../gazetteer/index.js';
import { Doc } from '../../doc.js';
import { annotate } from '../../pipeline.js';

function placesOf(text: string, ents: HandEntity[], dateline?: string) {
  const d = docWith(text, ents, dateline);
  places.run(d);
  return d;
}
const near = (p: { lat: number | null; lon: number | null }, lat: number, lon: number, km = 50) =>
  p.lat !== null && p.lon !== null && distanceKm(p.lat, p.lon, lat, lon) < km;

test('Damascus in an article about Syria and Israel is Damascus, SY', () => {
  const d = placesOf('Israeli missiles struck near Damascus, the Syrian military said. Syria has complained to the UN.', [
    ['Damascus', 'GPE'],
    ['Syria', 'GPE'],
    ['Israeli', 'NORP', 'ISR'],
    ['Syrian', 'NORP', 'SYR'],
  ]);
  assert.equal(d.places.length, 1, JSON.stringify(d.places));
  const p = d.places[0];
  assert.equal(p.id, 'p1');
  assert.equal(p.name, 'Damascus');
  assert.equal(p.country, 'SY');
  assert.equal(p.geonameid, 170654);
  assert.equal(p.precision, 'city');
  assert.ok(near(p, 33.51, 36.29, 5));
  assert.equal(p.entity, 'e1');
  assert.equal(d.entities[0].place, 'p1');
  assert.equal(d.entities[0].country, 'SYR');
  // "Syria has complained" is the state speaking: a metonym, so no place, but its country is known
  assert.equal(d.entities[1].mentions[0].use, 'metonym');
  assert.equal(d.entities[1].place, null);
  assert.equal(d.entities[1].country, 'SYR');
});

test('every toponym mention gets a use; a place keeps only its locative mentions', () => {
  const text = 'Tehran sees it as its duty. The ceremony was held in Tehran on Tuesday.';
  const d = placesOf(text, [['Tehran', 'GPE']]);
  assert.deepEqual(d.entities[0].mentions.map((m) => m.use), ['metonym', 'location']);
  assert.equal(d.places.length, 1);
  assert.deepEqual(d.places[0].mentions.map((m) => text.slice(m.start, m.end)), ['Tehran']);
  assert.equal(d.places[0].mentions[0].start, text.lastIndexOf('Tehran'));
});

test('a toponym used only as a metonym gets no place', () => {
  const d = placesOf('Tehran has reiterated its support, and Tehran’s dedication is clear.', [['Tehran', 'GPE']]);
  assert.equal(d.places.length, 0);
  assert.equal(d.entities[0].country, 'IRN');
});

test('a place named inside a longer name is part of that name: no place of its own, and no location for events', () => {
  const text = 'The Gaza Health Ministry said the strike on Khan Younis killed nine. Flights left Beirut International Airport.';
  const d = placesOf(text, [
    ['Gaza Health Ministry', 'ORG'],
    ['Gaza', 'GPE'],
    ['Khan Younis', 'GPE'],
    ['Beirut International Airport', 'FAC'],
    ['Beirut', 'GPE'],
  ]);
  const use = (name: string) => d.entities.find((e) => e.name === name)!.mentions.map((m) => m.use);
  assert.deepEqual(use('Gaza'), ['part']);
  assert.deepEqual(use('Beirut'), ['part']);
  assert.deepEqual(use('Khan Younis'), ['location']);
  assert.deepEqual(
    d.places.map((p) => p.name),
    ['Khan Younis', 'Beirut International Airport'],
  );
  // evaluation against gold toponyms still resolves it
  runPlaces(d, { allUses: true });
  assert.equal(d.places.find((p) => p.name === 'Gaza')?.country, 'PS');
});

test('of two towns named as often as locations, the article is about the one named first so (a name inside a longer one does not count)', () => {
  const text =
    'Shelling reached the Hay Zawra district. Drones hit the Kassala Power Station. Fighting went on in Omdurman and in Kassala. Residents of Omdurman and Kassala fled.';
  const d = placesOf(text, [
    ['Kassala Power Station', 'FAC'],
    ['Kassala', 'GPE'],
    ['Omdurman', 'GPE'],
    ['Hay Zawra district', 'GPE'],
  ]);
  const district = d.places.find((p) => p.name === 'Hay Zawra district');
  const omdurman = d.places.find((p) => p.name === 'Omdurman');
  assert.ok(district && omdurman, JSON.stringify(d.places));
  assert.equal(district.lat, omdurman.lat);
});

test('the dateline is a location, with or without an entity over it', () => {
  const d = placesOf('DAMASCUS - Officials said the talks would resume.', [], 'DAMASCUS');
  assert.equal(d.places.length, 1);
  assert.equal(d.places[0].name, 'Damascus');
  assert.equal(d.places[0].country, 'SY');
  assert.equal(d.places[0].entity, null);
});

test('the dateline country is context for the rest', () => {
  const d = placesOf('TRIPOLI - Clashes erupted near Tripoli, officials said.', [['Tripoli', 'GPE']], 'TRIPOLI');
  assert.equal(d.places[0].country, 'LY');
  const lb = placesOf('Lebanese troops deployed in Tripoli after clashes, a Lebanese army source said.', [
    ['Tripoli', 'GPE'],
    ['Lebanese', 'NORP', 'LBN'],
  ]);
  assert.equal(lb.places[0].country, 'LB');
});

test('an unqualified country name is the country, unless the article is about the US', () => {
  const news = placesOf('Russian troops massed near Georgia as talks with Moscow stalled.', [
    ['Georgia', 'GPE'],
    ['Moscow', 'GPE'],
    ['Russian', 'NORP', 'RUS'],
  ]);
  assert.equal(news.places.find((p) => p.name === 'Georgia')?.country, 'GE');
  assert.equal(news.places.find((p) => p.name === 'Georgia')?.precision, 'country');
  const us = placesOf('Storms hit Atlanta and Savannah overnight; across Georgia, power was cut, officials in Texas and Florida said.', [
    ['Atlanta', 'GPE'],
    ['Savannah', 'GPE'],
    ['Georgia', 'GPE'],
    ['Texas', 'GPE'],
    ['Florida', 'GPE'],
  ]);
  const g = us.places.find((p) => p.name === 'Georgia')!;
  assert.equal(g.country, 'US');
  assert.equal(g.precision, 'admin1');
  assert.equal(us.places.find((p) => p.name === 'Savannah')?.admin1, 'Georgia');
});

test('"Town, State" and "Town, Abbrev." qualifiers pick the reading that fits both', () => {
  const a = placesOf('A woman from Alexandria, La., was arrested.', [['Alexandria', 'GPE']]);
  assert.equal(a.places[0].country, 'US');
  assert.equal(a.places[0].admin1, 'Louisiana');
  const b = placesOf('He moved to Paris, Texas, last year.', [
    ['Paris', 'GPE'],
    ['Texas', 'GPE'],
  ]);
  const paris = b.places.find((p) => p.name === 'Paris')!;
  assert.equal(paris.country, 'US');
  assert.equal(paris.admin1, 'Texas');
  // without a qualifier, the capital
  const c = placesOf('Talks were held in Paris.', [['Paris', 'GPE']]);
  assert.equal(c.places[0].country, 'FR');
  assert.equal(c.places[0].precision, 'city');
});

test('a division is a division when the text says so, the town otherwise', () => {
  const a = placesOf('Shelling hit Idlib province overnight.', [['Idlib province', 'LOC']]);
  assert.equal(a.places[0].precision, 'admin1');
  assert.equal(a.places[0].admin1, 'Idlib Governorate');
  const b = placesOf('Shelling hit Idlib province overnight.', [['Idlib', 'GPE']]);
  assert.equal(b.places[0].precision, 'admin1');
  const c = placesOf('Shelling hit Idlib overnight.', [['Idlib', 'GPE']]);
  assert.equal(c.places[0].precision, 'city');
  assert.equal(c.places[0].geonameid, 169389);
});

test('directional phrases: a curated region when there is one', () => {
  const text = 'Missiles hit Damascus and other locations in the southern part of Syria, and rockets fell in northern Gaza.';
  const d = placesOf(text, [
    ['Damascus', 'GPE'],
    ['Syria', 'GPE'],
    ['Gaza', 'GPE'],
  ]);
  const south = d.places.find((p) => p.name === 'southern Syria')!;
  assert.ok(south, JSON.stringify(d.places.map((p) => p.name)));
  assert.equal(south.precision, 'region');
  assert.equal(south.country, 'SY');
  assert.equal(text.slice(south.mentions[0].start, south.mentions[0].end), 'southern part of Syria');
  const gaza = d.places.find((p) => p.name === 'northern Gaza')!;
  assert.equal(gaza.country, 'PS');
  assert.equal(text.slice(gaza.mentions[0].start, gaza.mentions[0].end), 'northern Gaza');
  // Syria is named only inside the region phrase: its entity points at that place
  assert.equal(d.entity('e2')?.place, south.id);
});

test('directional phrases: otherwise the compass part of the country, computed from its towns', () => {
  const text = 'Fighting raged in eastern Yemen while western Yemen was calm.';
  const d = placesOf(text, [['Yemen', 'GPE']]);
  const east = d.places.find((p) => p.name === 'eastern Yemen')!;
  const west = d.places.find((p) => p.name === 'western Yemen')!;
  assert.equal(east.precision, 'region');
  assert.equal(east.country, 'YE');
  assert.equal(east.geonameid, null);
  assert.ok(east.lon! > west.lon! + 1, `${east.lon} vs ${west.lon}`);
  // the entity may carry the direction itself
  const n = placesOf('Clashes spread across Northern Yemen.', [['Northern Yemen', 'LOC']]).places[0];
  assert.equal(n.name, 'northern Yemen');
  assert.equal(n.precision, 'region');
  const s = placesOf('Clashes spread across southern Yemen.', [['Yemen', 'GPE']]).places[0];
  assert.equal(n.country, 'YE');
  assert.ok(n.lat! > s.lat! + 0.5, `${n.lat} vs ${s.lat}`);
  // "Syria's south" is the curated region under its own name
  assert.equal(placesOf("Fighting flared in Syria's south.", [['Syria', 'GPE']]).places[0].name, 'southern Syria');
  // a town has no parts: "northern Beirut" is Beirut
  const b = placesOf('A blast hit northern Beirut.', [['Beirut', 'GPE']]);
  assert.equal(b.places[0].geonameid, 276781);
  assert.equal(b.places[0].name, 'Beirut');
  // nor does a province: "western Anbar province" is the province
  const a = placesOf('A drone hit a base in western Anbar province.', [['Anbar province', 'GPE']]);
  assert.deepEqual([a.places[0].name, a.places[0].precision, a.places[0].country], ['Anbar province', 'admin1', 'IQ']);
  assert.equal(b.text.slice(b.places[0].mentions[0].start, b.places[0].mentions[0].end), 'Beirut');
});

test('facilities resolve through the place they are named after', () => {
  const d = placesOf('Israeli missiles hit Damascus International Airport.', [
    ['Damascus International Airport', 'FAC'],
    ['Israeli', 'NORP', 'ISR'],
  ]);
  assert.equal(d.places[0].name, 'Damascus International Airport');
  assert.equal(d.places[0].country, 'SY');
  assert.ok(near(d.places[0], 33.51, 36.29, 30));
  // the point is the town's, but the airport is not the town: no GeoNames id of its own
  assert.equal(d.places[0].geonameid, null);
  assert.equal(d.places[0].precision, 'city');
});

test('a street or monument is never the namesake town of its first word', () => {
  // "Independence Monument" is not Independence, Missouri: it is where the text puts it, in Bamako
  const m = placesOf('Thousands gathered at the Independence Monument in Bamako, Malian police said.', [
    ['Independence Monument', 'FAC'],
    ['Bamako', 'GPE'],
    ['Malian', 'NORP', 'MLI'],
  ]);
  const mon = m.places.find((p) => p.name === 'Independence Monument')!;
  assert.equal(mon.country, 'ML');
  assert.ok(near(mon, 12.65, -8, 10));
  assert.equal(mon.geonameid, null);
  assert.equal(mon.precision, 'city');
  // with no town given, no place at all rather than Kaplan, Louisiana
  const k = placesOf('Israeli police dispersed protesters on Kaplan Street.', [
    ['Kaplan Street', 'FAC'],
    ['Israeli', 'NORP', 'ISR'],
  ]);
  assert.deepEqual(k.places, []);
  // the town the sentence opened with
  const t = placesOf('In Tel Aviv, thousands of Israelis rallied on Kaplan Street.', [
    ['Tel Aviv', 'GPE'],
    ['Kaplan Street', 'FAC'],
    ['Israelis', 'NORP', 'ISR'],
  ]);
  assert.equal(t.places.find((p) => p.name === 'Kaplan Street')?.country, 'IL');
});

test('a namesake abroad gives way to the place the text puts it in', () => {
  // a U.S. embassy in the text makes the US a country of the article; "Baghdad's" still says where
  const d = placesOf("A rocket landed near the U.S. embassy in Baghdad's Green Zone.", [
    ['U.S.', 'GPE'],
    ['Baghdad', 'GPE'],
    ['Green Zone', 'LOC'],
  ]);
  const g = d.places.find((p) => p.name === 'Green Zone')!;
  assert.equal(g.country, 'IQ');
  assert.ok(near(g, 33.34, 44.4, 20));
  // "in Sochi" says where the talks were, not where Idlib is
  const t = placesOf('Syrian and Russian officials discussed the shelling of Idlib in Sochi.', [
    ['Idlib', 'GPE'],
    ['Sochi', 'GPE'],
    ['Syrian', 'NORP', 'SYR'],
    ['Russian', 'NORP', 'RUS'],
  ]);
  assert.equal(t.places.find((p) => p.name === 'Idlib')?.country, 'SY');
});

test('what replaces a reading the text contradicts lies where the text puts it, not in a third country', () => {
  // "Kafraya" is reached only by folded spellings (a village in Palestine, Al Kufrah in Libya):
  // "in Idleb" puts it in Syria, so it is placed at Idleb rather than moved to Libya
  const d = placesOf('Gunmen attacked a checkpoint on the outskirts of Kafraya in Idleb on Friday.', [
    ['Kafraya', 'GPE'],
    ['Idleb', 'GPE'],
  ]);
  const k = d.places.find((p) => p.name === 'Kafraya')!;
  assert.equal(k.country, 'SY');
  assert.ok(near(k, 35.93, 36.63, 30), JSON.stringify(k));
});

test('out-of-context namesakes: unresolved rather than on another continent', () => {
  const d = placesOf('A drone struck a vehicle near Arbat, Iraqi Kurdish officials said, after strikes near Erbil.', [
    ['Arbat', 'GPE'],
    ['Erbil', 'GPE'],
    ['Iraqi', 'NORP', 'IRQ'],
  ]);
  assert.deepEqual(d.places.map((p) => p.name), ['Erbil']);
});

test('places the gazetteer lacks are placed at the place the text anchors them to', () => {
  const text = "Israeli strikes hit the Haret Hreik and Ghobeiry neighbourhoods of Beirut overnight. Settlers raided Jalud, south of Nablus.";
  const d = placesOf(text, [
    ['Haret Hreik', 'GPE'],
    ['Ghobeiry', 'GPE'],
    ['Beirut', 'GPE'],
    ['Jalud', 'GPE'],
    ['Nablus', 'GPE'],
    ['Israeli', 'NORP', 'ISR'],
  ]);
  const beirut = d.places.find((p) => p.name === 'Beirut')!;
  for (const name of ['Haret Hreik', 'Ghobeiry']) {
    const p = d.places.find((x) => x.name === name)!;
    assert.ok(p, name);
    assert.equal(p.country, 'LB');
    assert.deepEqual([p.lat, p.lon, p.precision, p.geonameid], [beirut.lat, beirut.lon, 'city', null]);
    assert.notEqual(p.id, beirut.id);
  }
  const h = d.places.find((p) => p.name === 'Jalud')!;
  assert.equal(h.country, 'PS');
  assert.ok(near(h, 32.22, 35.25, 5));
  // a village the gazetteer has under another spelling is itself, not its anchor: Huwara is Huwwarah
  const w = placesOf('Settlers raided Huwara, south of Nablus.', [['Huwara', 'GPE'], ['Nablus', 'GPE']]).places.find((p) => p.name === 'Huwara')!;
  assert.deepEqual([w.country, w.geonameid], ['PS', 283636]);
  // "of the city": the town the article is in
  const k = placesOf('KABUL - Police arrested three men in the Karte Naw area of the city.', [['Karte Naw', 'GPE']], 'KABUL');
  assert.equal(k.places.find((p) => p.name === 'Karte Naw')?.country, 'AF');
  // a village in apposition to its district takes the district's place and precision
  const o = placesOf('Fighters attacked a village near Oicha, Beni territory, Congolese officials said.', [
    ['Oicha', 'GPE'],
    ['Beni territory', 'GPE'],
    ['Congolese', 'NORP', 'COD'],
  ]);
  const beni = o.places.find((p) => p.name === 'Beni territory')!;
  assert.deepEqual([beni.country, beni.precision, beni.geonameid], ['CD', 'district', null]);
  const oicha = o.places.find((p) => p.name === 'Oicha')!;
  assert.deepEqual([oicha.country, oicha.precision, oicha.lat], ['CD', 'district', beni.lat]);
});

test('seas, oceans and rivers are curated regions, not towns named after them', () => {
  const d = placesOf('Bombers fired missiles over the Caspian Sea; the Houthis threatened ships in the Indian Ocean.', [
    ['Caspian Sea', 'LOC'],
    ['Indian Ocean', 'LOC'],
  ]);
  for (const p of d.places) assert.deepEqual([p.precision, p.geonameid], ['region', null], p.name);
  assert.ok(near(d.places[0], 41.67, 50.67, 100));
});

test('divisions with a cue word: the cue says the level, the rest names the division or its town', () => {
  const m = placesOf('Bandits attacked a village in Maru Local Government Area of Zamfara State.', [
    ['Maru Local Government Area', 'GPE'],
    ['Zamfara State', 'GPE'],
  ]);
  const maru = m.places.find((p) => p.name === 'Maru Local Government Area')!;
  assert.deepEqual([maru.country, maru.precision, maru.geonameid], ['NG', 'district', null]);
  assert.ok(near(maru, 12.33, 6.41, 10));
  const k = placesOf('Ukrainian forces liberated villages in the Kupiansk district.', [['Kupiansk district', 'GPE']]);
  assert.deepEqual([k.places[0].country, k.places[0].precision], ['UA', 'district']);
  // a province named after its seat: the province, not the town
  const h = placesOf('Strikes hit al-Luhayyah in Hodeidah province, Yemeni officials said.', [
    ['Hodeidah province', 'GPE'],
    ['Yemeni', 'NORP', 'YEM'],
  ]);
  assert.deepEqual([h.places[0].country, h.places[0].precision], ['YE', 'admin1']);
  const s = placesOf('Clan militias retook villages in the Hiraan region from al-Shabaab.', [['Hiraan', 'GPE']]);
  assert.deepEqual([s.places[0].country, s.places[0].precision], ['SO', 'admin1']);
});


test('proximity: a town near the others wins over a bigger namesake far away', () => {
  // Hebron (West Bank) against Hebron, Connecticut, with Ramallah and Nablus in the story
  const d = placesOf('Raids were reported in Ramallah, Nablus and Hebron.', [
    ['Ramallah', 'GPE'],
    ['Nablus', 'GPE'],
    ['Hebron', 'GPE'],
  ]);
  assert.equal(d.places.find((p) => p.name === 'Hebron')?.country, 'PS');
});

test('places are numbered in text order, one per distinct place', () => {
  const d = placesOf('From Beirut to Damascus, and back to Beirut.', [
    ['Beirut', 'GPE'],
    ['Damascus', 'GPE'],
  ]);
  assert.deepEqual(d.places.map((p) => [p.id, p.name, p.mentions.length]), [
    ['p1', 'Beirut', 2],
    ['p2', 'Damascus', 1],
  ]);
  for (const p of d.places) for (const m of p.mentions) assert.equal(d.text.slice(m.start, m.end), p.name);
});

test('a demonym or a state abbreviation tagged as a place resolves to what it names', () => {
  const d = placesOf('Shells landed near the Russian border.', [['Russian', 'GPE']]);
  assert.equal(d.places[0]?.country, 'RU');
  assert.equal(d.places[0]?.precision, 'country');
  // "Kan." is Kansas, not a town in China spelled Kan
  const k = placesOf('He moved to Wichita, Kan., last year.', [['Kan.', 'GPE']]);
  assert.equal(k.places[0]?.admin1, 'Kansas');
});

test('unknown names and an empty article produce no places', () => {
  assert.deepEqual(placesOf('Clashes in Xqzzyville.', [['Xqzzyville', 'GPE']]).places, []);
  const d = new Doc('');
  runPlaces(d);
  assert.deepEqual(d.places, []);
});

test('allUses gives metonym-only toponyms a place (evaluation against gold toponyms)', () => {
  const d = docWith('Tehran has reiterated its support.', [['Tehran', 'GPE']]);
  runPlaces(d, { allUses: true });
  assert.equal(d.places.length, 1);
  assert.equal(d.places[0].country, 'IR');
});

const here = dirname(fileURLToPath(import.meta.url));
const seed = join(here, '..', '..', '..', 'examples');

test('end to end through annotate: the seed article (Mehr News, CC BY 4.0)', () => {
  const d = annotate(new Doc(readFileSync(join(seed, 'seed.txt'), 'utf8'), { published: '2023-04-05' }));
  const byName = new Map(d.places.map((p) => [p.name.toLowerCase(), p]));
  const damascus = byName.get('damascus');
  assert.ok(damascus && damascus.country === 'SY', JSON.stringify(d.places.map((p) => p.name)));
  assert.ok(byName.get('tehran')?.country === 'IR');
  assert.ok(byName.get('golan heights'));
  assert.ok(byName.get('southern syria'));
  // Israel and Tel Aviv are only ever actors in this article
  assert.ok(!byName.has('israel') && !byName.has('tel aviv'), JSON.stringify([...byName.keys()]));
});

test('a spelling found only by its folded key is placed when the article supports its country', () => {
  // no place of the article is named but the town; the actors' country lies next to it
  const d = placesOf('Israeli forces raided the city of Qalqiliyah from the north.', [
    ['Qalqiliyah', 'GPE'],
    ['Israeli', 'NORP', 'ISR'],
  ]);
  assert.equal(d.places.length, 1, JSON.stringify(d.places));
  assert.equal(d.places[0].country, 'PS');
  assert.ok(near(d.places[0], 32.19, 34.97, 10));
  // with nothing in the text for it, a folded reading is no reading
  const far = placesOf('Police officers in Ohio questioned Qalqiliyah residents.', [
    ['Qalqiliyah', 'GPE'],
    ['Ohio', 'GPE'],
  ]);
  assert.ok(!far.places.some((p) => p.country === 'PS'), JSON.stringify(far.places));
});

test('"Syrian" tagged as a place is Syria, not a town a folded spelling reaches', () => {
  const d = placesOf('He crossed the Syrian border on Monday.', [['Syrian', 'GPE']]);
  assert.ok(d.places.every((p) => p.country === 'SY' && p.precision === 'country'), JSON.stringify(d.places));
});

test('hierarchy cues: "X (Y)", "X (Y, Z)", "X district of Y province", "the X area of Y" put X in Y', () => {
  // a town of a name several countries have, read in the province the brackets give
  const t = placesOf('Protesters gathered outside the courthouse in Tripoli (North) on Friday.', [
    ['Tripoli', 'GPE'],
    ['North', 'GPE'],
  ]);
  assert.equal(t.places.find((p) => p.name === 'Tripoli')?.country, 'LB', JSON.stringify(t.places));
  // a district named after its seat, with its province in brackets: the district, at the seat
  const m = placesOf('Airstrikes targeted Majzar district (Marib) on Monday.', [
    ['Majzar district', 'GPE'],
    ['Marib', 'GPE'],
  ]);
  const majzar = m.places.find((p) => p.name === 'Majzar district')!;
  assert.deepEqual([majzar.country, majzar.precision, majzar.geonameid], ['YE', 'district', null]);
  assert.ok(near(majzar, 15.85, 44.78, 10));
  // "X district of Y province": the district named after a town found under another spelling
  const s = placesOf('Coalition aircraft struck Sirwah district of Marib province.', [
    ['Sirwah district', 'GPE'],
    ['Marib province', 'GPE'],
  ]);
  const sirwah = s.places.find((p) => p.name === 'Sirwah district')!;
  assert.deepEqual([sirwah.country, sirwah.precision, sirwah.geonameid], ['YE', 'district', null]);
  // "the X area of Y": a quarter of a town stays in that town
  const q = placesOf('An armed fight broke out in the Qibbeh area of Tripoli (North) overnight.', [
    ['Qibbeh', 'GPE'],
    ['Tripoli', 'GPE'],
    ['North', 'GPE'],
  ]);
  assert.equal(q.places.find((p) => p.name === 'Qibbeh')?.country, 'LB', JSON.stringify(q.places));
});

test('a place the text puts in a division it cannot lie in is placed at that division, no finer', () => {
  // Faryab is an Afghan province; the text puts a Faryab in Iran's Kerman province
  const f = placesOf('Shelling hit Faryab in Kerman province on Sunday.', [
    ['Faryab', 'GPE'],
    ['Kerman province', 'GPE'],
  ]);
  const faryab = f.places.find((p) => p.name === 'Faryab')!;
  assert.deepEqual([faryab.country, faryab.precision, faryab.geonameid], ['IR', 'admin1', null]);
  // a village the gazetteer lacks, with its province in brackets
  const v = placesOf('Gunmen killed a shepherd in Wadi Umm Shurayt (Marib) on Monday.', [
    ['Wadi Umm Shurayt', 'GPE'],
    ['Marib', 'GPE'],
  ]);
  assert.equal(v.places.find((p) => p.name === 'Wadi Umm Shurayt')?.country, 'YE', JSON.stringify(v.places));
  // "in" a town says where something happened, not where a place lies: Idlib stays in Syria
  const i = placesOf('Turkish and Russian officials discussed Idlib in Sochi, Syrian media said.', [
    ['Idlib', 'GPE'],
    ['Sochi', 'GPE'],
    ['Syrian', 'NORP', 'SYR'],
  ]);
  assert.equal(i.places.find((p) => p.name === 'Idlib')?.country, 'SY', JSON.stringify(i.places));
});

test('"in Kingston city": the city, not a division or a namesake', () => {
  const d = placesOf('Gunmen shot two people in Kingston city on Monday, Jamaican police said.', [
    ['Kingston city', 'GPE'],
    ['Jamaican', 'NORP', 'JAM'],
  ]);
  const k = d.places[0];
  assert.deepEqual([k.country, k.precision], ['JM', 'city']);
});

test('end to end: a province in brackets is the province, and a district the gazetteer lacks is placed in it', () => {
  const d = annotate(new Doc('Coalition aircraft struck Al Husha district (Ad Dali) on Monday, residents said.', { published: '2020-05-11' }));
  const prov = d.places.find((p) => p.name === 'Ad Dali');
  assert.deepEqual([prov?.country, prov?.precision], ['YE', 'admin1'], JSON.stringify(d.places));
  const dist = d.places.find((p) => p.name === 'Al Husha district');
  // no finer than what is known: the province's point and precision, no GeoNames id
  assert.deepEqual([dist?.country, dist?.precision, dist?.geonameid], ['YE', 'admin1', null], JSON.stringify(d.places));
  // a currency named after a country is no place of the story
  const u = annotate(new Doc('Protesters in Tripoli (North) denounced the rise of the US dollar.', { published: '2020-05-11' }));
  assert.ok(!u.places.some((p) => p.country === 'US'), JSON.stringify(u.places));
  assert.equal(u.places.find((p) => p.name === 'Tripoli')?.country, 'LB', JSON.stringify(u.places));
});

test('a list of towns is no "Town, State" pair, even when a town is also called after a state capital', () => {
  // Trenton is also a name of New Jersey (its seat); here it is the Ohio town of the list
  const d = placesOf('The new road would link Monroe, Trenton and Middletown, officials in Ohio said.', [
    ['Monroe', 'GPE'],
    ['Trenton', 'GPE'],
    ['Middletown', 'GPE'],
    ['Ohio', 'GPE'],
  ]);
  for (const n of ['Monroe', 'Trenton', 'Middletown']) {
    const p = d.places.find((x) => x.name === n);
    assert.deepEqual([p?.country, p?.admin1, p?.precision], ['US', 'Ohio', 'city'], `${n}: ${JSON.stringify(d.places)}`);
  }
});

test('a lone toponym read by another spelling stands when the article places nothing else; actors say who, not where', () => {
  const d = placesOf('Turkish forces shelled villages in al-Hasakeh on Friday.', [
    ['Turkish', 'NORP', 'TUR'],
    ['al-Hasakeh', 'GPE'],
  ]);
  assert.equal(d.places.length, 1, JSON.stringify(d.places));
  assert.equal(d.places[0].country, 'SY');
  // once the article places something, a far namesake read only so still needs its support
  const two = placesOf('Turkish forces shelled villages near Ankara and in Qaniyah on Friday.', [
    ['Turkish', 'NORP', 'TUR'],
    ['Ankara', 'GPE'],
    ['Qaniyah', 'GPE'],
  ]);
  assert.deepEqual(
    two.places.map((p) => p.name),
    ['Ankara'],
  );
});

test('with no country named, a small namesake abroad gives way to the country most of the names could be in', () => {
  const d = placesOf('Rebels looted wheat crops in Nadas in rural Ras al Ain in al-Hasakeh.', [
    ['Nadas', 'GPE'],
    ['Ras al Ain', 'GPE'],
    ['al-Hasakeh', 'GPE'],
  ]);
  assert.deepEqual(
    d.places.map((p) => p.country),
    ['SY', 'SY'],
    JSON.stringify(d.places),
  );
});

test('a bracket after a country names a part of it: "northern Yemen (Al Jawf)" is Yemen\'s Al Jawf', () => {
  const d = placesOf('Saudi-led coalition air raids were reported in northern Yemen (Al Jawf) on Monday.', [
    ['Saudi', 'NORP', 'SAU'],
    ['Yemen', 'GPE'],
    ['Al Jawf', 'GPE'],
  ]);
  const jawf = d.places.find((p) => p.name === 'Al Jawf');
  assert.equal(jawf?.country, 'YE', JSON.stringify(d.places));
});

test('"the department of Arauca" is the department, "the city of Arauca" the town', () => {
  const dept = placesOf('Guerrillas attacked an army post in the eastern department of Arauca on Saturday.', [['Arauca', 'GPE']]);
  assert.equal(dept.places[0]?.precision, 'admin1', JSON.stringify(dept.places));
  const town = placesOf('Guerrillas attacked an army post in the city of Arauca on Saturday.', [['Arauca', 'GPE']]);
  assert.equal(town.places[0]?.precision, 'city', JSON.stringify(town.places));
});

test('a small town by a small country the article names is read, though its own country is not named', () => {
  const d = placesOf('Rockets were fired from Lebanon toward Kiryat Shmona on Sunday.', [
    ['Lebanon', 'GPE'],
    ['Kiryat Shmona', 'GPE'],
  ]);
  assert.deepEqual(d.places.map((p) => [p.name, p.country]).sort(), [['Kiryat Shmona', 'IL'], ['Lebanon', 'LB']]);
});

test('a town on the edge of a big country an actor is from is near it, though other places are resolved', () => {
  // Ras al-Ain lies on the Turkish border, 500 km from the middle of Turkey; Khan Younis, resolved
  // first, is far from it
  const d = placesOf('Israeli aircraft struck a house in Khan Younis on Monday. Turkish-backed factions shelled Ras al-Ain on the same day.', [
    ['Israeli', 'NORP', 'ISR'],
    ['Khan Younis', 'GPE'],
    ['Turkish', 'NORP', 'TUR'],
    ['Ras al-Ain', 'GPE'],
  ]);
  assert.deepEqual(d.places.map((p) => p.country), ['PS', 'SY']);
});

test('a seat just across a border from the article\'s country is read, though that country is not named', () => {
  // Syria borders Israel: Ras al-Ain, a district seat and the only place of the name, is read
  const d = placesOf('Israeli aircraft struck a house in Khan Younis on Monday, and shelling hit Ras al-Ain.', [
    ['Israeli', 'NORP', 'ISR'],
    ['Khan Younis', 'GPE'],
    ['Ras al-Ain', 'GPE'],
  ]);
  assert.deepEqual(d.places.map((p) => p.country), ['PS', 'SY']);
});

test('an armed group named in the text is evidence of the countries it fights in', () => {
  const d = placesOf('Fighters of JNIM attacked an army post in Tera on Sunday.', [
    ['JNIM', 'ORG'],
    ['Tera', 'GPE'],
  ]);
  assert.deepEqual(d.places.map((p) => p.country), ['NE']);
});

test('a name the gazetteer knows only as towns is a town, whatever its last word ("Rock Hill", "Battle Creek")', () => {
  const d = placesOf('Police in Rock Hill arrested a man on Friday.', [['Rock Hill', 'GPE']]);
  assert.deepEqual(d.places.map((p) => [p.country, p.admin1]), [['US', 'South Carolina']]);
  // a hill of that name, where there is one, before villages named after it
  const g = placesOf('Troops took positions on the Golan Heights.', [['Golan Heights', 'LOC']]);
  assert.equal(g.places.length, 1);
  assert.notEqual(g.places[0].precision, 'city', JSON.stringify(g.places));
});
