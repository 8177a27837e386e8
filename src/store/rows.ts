// A contract document flattened into the rows a store keeps: one per event with the columns the
// filters need (day, kind, family, country, coordinates, actor countries…) beside the full event.
// Shared by every Store implementation so that each files the same document the same way.
import type { Document, Event } from '../contract.js';
import { acledFor, familyOf } from '../taxonomy.js';
import { country } from './countries.js';
import type { StoredPlace } from './types.js';

export interface EventRow {
  localId: string;
  kind: string;
  family: string | null;
  eventType: string | null;
  subEventType: string | null;
  /** ISO day the event happened (time.start), else the article's publication day */
  date: string | null;
  dateEnd: string | null;
  /** `date` as days since 1970-01-01: an integer the indexes can range over */
  day: number | null;
  /** the event's time precision; "unknown" when the date is the publication day */
  timePrecision: string;
  country2: string | null;
  country3: string | null;
  place: StoredPlace | null;
  initiator: string | null;
  initiatorCountry: string | null;
  target: string | null;
  targetCountry: string | null;
  fatalities: number | null;
  mode: string;
  historical: boolean;
  confidence: number;
  outlet: string | null;
  /** what the text index holds for it */
  fts: { evidence: string; actors: string; place: string };
  event: Event;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date (or the date part of a datetime); null when not a date. */
export function dayNumber(iso: string | null | undefined): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls over (month 13, day 45): such a date is not a date.
  const back = new Date(t);
  if (Number.isNaN(t) || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(t / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function safeFamily(kind: string): string | null {
  try {
    return familyOf(kind);
  } catch {
    return null;
  }
}

function safeAcled(e: Event): { event_type: string; sub_event_type: string } | null {
  if (e.acled) return e.acled;
  try {
    return acledFor(e.kind);
  } catch {
    return null;
  }
}

/** What the text index holds for an event: its evidence, the actors and claimants, the place. */
export function ftsText(e: Event, place: Pick<StoredPlace, 'name' | 'admin1' | 'country'> | null): EventRow['fts'] {
  return {
    // "?? []": documents stored by early versions (read again by migration 6) may lack a list.
    evidence: (e.evidence ?? []).map((s) => s.text).join(' … '),
    actors: [e.initiator?.name, e.target?.name, ...(e.claims ?? []).flatMap((cl) => [cl.claimant, ...(cl.via ?? [])])].filter(Boolean).join(' | '),
    place: place ? [place.name, place.admin1, country(place.country)?.name].filter(Boolean).join(' ') : '',
  };
}

export function eventRows(doc: Document): EventRow[] {
  const places = new Map(doc.places.map((p) => [p.id, p]));
  const published = doc.article.published?.slice(0, 10) ?? null;
  return doc.events.map((e) => {
    const p = e.location ? places.get(e.location.place) : undefined;
    const place: StoredPlace | null = p
      ? {
          name: p.name,
          country: p.country,
          admin1: p.admin1,
          lat: p.lat,
          lon: p.lon,
          precision: p.precision,
          geonameid: p.geonameid,
          relation: e.location!.relation,
        }
      : null;
    const c = country(p?.country);
    const date = e.time?.start ?? published;
    const acled = safeAcled(e);
    const fatalities = e.fatalities?.total ?? (e.fatalities ? (e.fatalities.civilians ?? 0) + (e.fatalities.military ?? 0) || null : null);
    return {
      localId: e.id,
      kind: e.kind,
      family: safeFamily(e.kind),
      eventType: acled?.event_type ?? null,
      subEventType: acled?.sub_event_type ?? null,
      date,
      dateEnd: e.time?.end ?? (e.time?.start ? e.time.start : published),
      day: dayNumber(date),
      timePrecision: e.time?.start ? e.time.precision : 'unknown',
      country2: c?.alpha2 ?? p?.country ?? null,
      country3: c?.alpha3 ?? null,
      place,
      initiator: e.initiator?.name ?? null,
      initiatorCountry: e.initiator?.country ?? null,
      target: e.target?.name ?? null,
      targetCountry: e.target?.country ?? null,
      fatalities,
      mode: e.mode,
      historical: e.historical,
      confidence: e.confidence,
      outlet: doc.article.outlet,
      fts: ftsText(e, place),
      event: e,
    };
  });
}
