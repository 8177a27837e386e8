// Small contract documents made by hand, for store tests: one sentence per event, each event with
// its place, day, actors and claim, spans pointing at the sentence.
import { SCHEMA_ID, type Document, type Event, type Place } from '../contract.js';
import { acledFor, ploverFor } from '../taxonomy.js';

export interface PlaceSpec {
  name: string;
  country: string; // alpha-2
  lat: number;
  lon: number;
  precision?: Place['precision'];
  admin1?: string;
}

export interface EventSpec {
  kind: string;
  sentence: string;
  place?: PlaceSpec;
  date?: string;
  initiator?: { name: string; country: string | null };
  target?: { name: string; country: string | null };
  fatalities?: number;
  claimant?: string | null;
  stance?: Event['claims'][number]['stance'];
}

export interface DocSpec {
  id?: string;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  published?: string | null;
  /** text before the event sentences */
  lead?: string;
  events: EventSpec[];
}

export const DAMASCUS: PlaceSpec = { name: 'Damascus', country: 'SY', lat: 33.5102, lon: 36.2913, admin1: 'Damascus' };
export const ALEPPO: PlaceSpec = { name: 'Aleppo', country: 'SY', lat: 36.2021, lon: 37.1343, admin1: 'Aleppo' };
export const KHARKIV: PlaceSpec = { name: 'Kharkiv', country: 'UA', lat: 49.9808, lon: 36.2527, admin1: 'Kharkiv' };
export const ODESA: PlaceSpec = { name: 'Odesa', country: 'UA', lat: 46.4775, lon: 30.7326, admin1: 'Odesa' };
export const SANAA: PlaceSpec = { name: 'Sanaa', country: 'YE', lat: 15.3547, lon: 44.2066, admin1: "Amanat Al Asimah" };

export function makeDoc(spec: DocSpec): Document {
  let text = spec.lead ? spec.lead + '\n\n' : '';
  const places: Place[] = [];
  const events: Event[] = [];
  spec.events.forEach((e, k) => {
    const start = text.length;
    text += e.sentence;
    const end = text.length;
    text += ' ';
    const span = { start, end, text: e.sentence };
    let placeId: string | null = null;
    if (e.place) {
      const found = places.find((p) => p.name === e.place!.name);
      if (found) placeId = found.id;
      else {
        placeId = `p${places.length + 1}`;
        const at = e.sentence.indexOf(e.place.name);
        places.push({
          id: placeId,
          name: e.place.name,
          country: e.place.country,
          admin1: e.place.admin1 ?? null,
          lat: e.place.lat,
          lon: e.place.lon,
          precision: e.place.precision ?? 'city',
          geonameid: null,
          mentions: at >= 0 ? [{ start: start + at, end: start + at + e.place.name.length, text: e.place.name }] : [],
        });
      }
    }
    const actor = (a: EventSpec['initiator']) => (a ? { name: a.name, country: a.country, kind: 'military' as const, entity: null } : null);
    events.push({
      id: `ev${k + 1}`,
      kind: e.kind,
      acled: acledFor(e.kind),
      plover: ploverFor(e.kind),
      initiator: actor(e.initiator),
      target: actor(e.target),
      location: placeId ? { place: placeId, relation: 'in' } : null,
      time: e.date ? { start: e.date, end: e.date, precision: 'day', text: 'on that day' } : null,
      fatalities: e.fatalities !== undefined ? { total: e.fatalities, civilians: null, military: null, evidence: span } : null,
      injuries: null,
      claims: [{ claimant: e.claimant ?? null, via: [], outlet: spec.outlet ?? null, stance: e.stance ?? 'reported', quote: null, evidence: span }],
      evidence: [span],
      historical: false,
      mode: 'actual',
      confidence: 0.8,
    });
  });
  text = text.trimEnd();
  return {
    schema: SCHEMA_ID,
    article: {
      id: spec.id ?? spec.url ?? 'doc',
      title: spec.title ?? null,
      outlet: spec.outlet ?? null,
      url: spec.url ?? null,
      published: spec.published ?? null,
      language: 'en',
      license: null,
      text,
    },
    entities: [],
    places,
    quotes: [],
    events,
    framing: [],
    warnings: [],
  };
}
