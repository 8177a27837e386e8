// The load test's generated articles (./load-test.ts): 1–8 events each, most of them violent, at
// real places and actors, on days over four years, from a seeded generator so that every run of a
// size makes the same store. Apart from the tool so that the bulk loaders' tests read the same.
import { kinds as taxonomyKinds } from '../taxonomy.js';
import { makeDoc, type EventSpec, type PlaceSpec } from '../store/testing.js';
import type { Document } from '../contract.js';
import { rng } from './corpus.js';

// Places events happen at (GeoNames coordinates, rounded).
const PLACES: PlaceSpec[] = [
  ['Damascus', 'SY', 33.51, 36.29], ['Aleppo', 'SY', 36.2, 37.16], ['Idlib', 'SY', 35.93, 36.63], ['Homs', 'SY', 34.73, 36.72],
  ['Deir ez-Zor', 'SY', 35.34, 40.14], ['Kharkiv', 'UA', 49.98, 36.25], ['Odesa', 'UA', 46.48, 30.73], ['Kherson', 'UA', 46.64, 32.61],
  ['Zaporizhzhia', 'UA', 47.82, 35.19], ['Dnipro', 'UA', 48.45, 34.98], ['Kyiv', 'UA', 50.45, 30.52], ['Belgorod', 'RU', 50.6, 36.6],
  ['Gaza', 'PS', 31.5, 34.47], ['Khan Younis', 'PS', 31.34, 34.31], ['Rafah', 'PS', 31.3, 34.25], ['Jenin', 'PS', 32.46, 35.3],
  ['Tyre', 'LB', 33.27, 35.2], ['Nabatieh', 'LB', 33.38, 35.48], ['Sanaa', 'YE', 15.35, 44.21], ['Hodeidah', 'YE', 14.8, 42.95],
  ['Marib', 'YE', 15.46, 45.33], ['Khartoum', 'SD', 15.55, 32.53], ['El Fasher', 'SD', 13.63, 25.35], ['Nyala', 'SD', 12.05, 24.88],
  ['Mogadishu', 'SO', 2.04, 45.34], ['Beledweyne', 'SO', 4.74, 45.2], ['Bamako', 'ML', 12.65, -8.0], ['Gao', 'ML', 16.27, -0.04],
  ['Ouagadougou', 'BF', 12.37, -1.53], ['Djibo', 'BF', 14.1, -1.63], ['Maiduguri', 'NG', 11.85, 13.16], ['Goma', 'CD', -1.68, 29.23],
  ['Bunia', 'CD', 1.56, 30.25], ['Mandalay', 'MM', 21.97, 96.08], ['Myitkyina', 'MM', 25.38, 97.4], ['Kabul', 'AF', 34.53, 69.17],
  ['Baghdad', 'IQ', 33.34, 44.4], ['Mosul', 'IQ', 36.34, 43.13], ['Tripoli', 'LY', 32.89, 13.19], ['Benghazi', 'LY', 32.12, 20.07],
  ['Port-au-Prince', 'HT', 18.54, -72.34], ['Arauca', 'CO', 7.08, -70.76], ['Gondar', 'ET', 12.6, 37.47], ['Mekelle', 'ET', 13.5, 39.47],
  ['Quetta', 'PK', 30.18, 66.98], ['Peshawar', 'PK', 34.01, 71.58], ['Stepanakert', 'AZ', 39.82, 46.75], ['Tel Aviv', 'IL', 32.08, 34.78],
].map(([name, country, lat, lon]) => ({ name: name as string, country: country as string, lat: lat as number, lon: lon as number }));

const ACTORS: { name: string; country: string | null }[] = [
  { name: 'the army', country: null }, { name: 'Russian forces', country: 'RUS' }, { name: 'Ukrainian forces', country: 'UKR' },
  { name: 'Israeli warplanes', country: 'ISR' }, { name: 'Hamas', country: 'PSE' }, { name: 'Hezbollah', country: 'LBN' },
  { name: 'the Houthis', country: 'YEM' }, { name: 'the Rapid Support Forces', country: 'SDN' }, { name: 'al-Shabaab', country: 'SOM' },
  { name: 'JNIM militants', country: 'MLI' }, { name: 'M23 rebels', country: 'COD' }, { name: 'the Tatmadaw', country: 'MMR' },
  { name: 'Syrian government forces', country: 'SYR' }, { name: 'Turkish drones', country: 'TUR' }, { name: 'gunmen', country: null },
  { name: 'protesters', country: null }, { name: 'police', country: null }, { name: 'ISWAP fighters', country: 'NGA' },
];
const OUTLETS = Array.from({ length: 30 }, (_v, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`);
const CLAIMANTS = [null, 'a military source', 'the health ministry', 'local officials', 'a war monitor', 'residents', 'the governor', 'a spokesman'];
const WORDS = ['convoy', 'checkpoint', 'market', 'hospital', 'bridge', 'depot', 'village', 'airport', 'school', 'port', 'camp', 'mosque', 'station', 'refinery'];


const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = 4 * 365;

/** One generated article: 1–8 events, most of them violent, at a few places on nearby days. */
export function article(i: number, r: () => number, kindNames: { violent: string[]; other: string[] }) {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const day = Math.floor(r() * DAYS);
  const n = 1 + Math.floor(r() * 8);
  const events: EventSpec[] = [];
  for (let k = 0; k < n; k++) {
    const place = pick(PLACES);
    const kind = r() < 0.75 ? pick(kindNames.violent) : pick(kindNames.other);
    const killed = r() < 0.45 ? undefined : Math.floor(-Math.log(1 - r()) * 6);
    const date = new Date(FIRST_DAY + (day - Math.floor(r() * 3)) * 86_400_000).toISOString().slice(0, 10);
    events.push({
      kind,
      sentence: `${pick(ACTORS).name} hit a ${pick(WORDS)} near ${place.name} on ${date}${killed !== undefined ? `, killing ${killed} people` : ''}, ${pick(CLAIMANTS) ?? 'witnesses'} said of the ${pick(WORDS)}.`,
      place: r() < 0.9 ? place : undefined,
      date,
      initiator: pick(ACTORS),
      target: r() < 0.6 ? pick(ACTORS) : undefined,
      fatalities: killed,
      claimant: pick(CLAIMANTS),
      stance: pick(['reported', 'alleged', 'asserted'] as const),
    });
  }
  return makeDoc({
    url: `https://load-test.example/${i}`,
    outlet: pick(OUTLETS),
    title: `Generated report ${i}`,
    published: new Date(FIRST_DAY + (day + 1) * 86_400_000).toISOString().slice(0, 10),
    lead: `Generated report ${i} for the load test.`,
    events,
  });
}

/** The generated articles, in order, until they hold at least `events` events (null after); `from` skips the first ones. */
export function loadArticles(events: number, from = 0): { next: () => Document | null; index: () => number } {
  const all = taxonomyKinds();
  const kindNames = { violent: all.filter((k) => k.violent).map((k) => k.name), other: all.filter((k) => !k.violent).map((k) => k.name) };
  const r = rng(20240501 + from);
  let [i, written] = [from, 0];
  return {
    next: () => {
      if (written >= events) return null;
      const doc = article(i++, r, kindNames);
      written += doc.events.length;
      return doc;
    },
    index: () => i,
  };
}
