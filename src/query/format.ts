// Stored events and incidents as tables, JSON, NDJSON, CSV and GeoJSON, written as they are read
// (a page at a time) so that an export of the whole store does not sit in memory.
//
// CSV follows ACLED's column names and codes where sitrep has the same field (see the contract's
// CSV list), then sitrep's own claim columns:
//   time_precision  1 = the day is known; 2 = the week; 3 = the month or less precise, or no date of
//                   its own (the publication day stands in)
//   geo_precision   1 = the town or a point in it; 2 = near a town, or a district; 3 = a province,
//                   region or country
//   fatalities      empty when no figure is stated (ACLED writes 0; sitrep keeps "not stated" apart)
import type { StoredEvent, StoredIncident } from '../store/types.js';
import { country } from '../store/countries.js';
import { kind as kindInfo } from '../taxonomy.js';

import { FORMATS, type Format } from './filter.js';

export { FORMATS, type Format };

export const EVENT_CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'iso',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  // sitrep's
  'kind',
  'claimant',
  'via',
  'outlet',
  'stance',
  'corroboration',
  'grade',
  'incident_id',
  'evidence',
  'url',
] as const;

export const INCIDENT_CSV_COLUMNS = [
  'incident_id',
  'event_date',
  'date_end',
  'year',
  'event_type',
  'sub_event_type',
  'kind',
  'family',
  'actor1',
  'actor2',
  'country',
  'iso',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'fatalities',
  'events',
  'articles',
  'outlets',
  'corroboration',
  'grade',
  'grade_reason',
  'sources',
] as const;

const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3, year: 3, unknown: 3 };

export function timePrecisionCode(p: string | undefined | null): number {
  return TIME_PRECISION[p ?? 'unknown'] ?? 3;
}

export function geoPrecisionCode(precision: string | null | undefined, relation?: string | null): number | null {
  if (!precision) return null;
  if (precision === 'point' || precision === 'city') return relation === 'near' ? 2 : 1;
  if (precision === 'district') return 2;
  return 3;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would take for a formula (= + - @, or a tab or carriage return first) gets a
 * leading apostrophe, so that opening an export never runs what an article said (OWASP's "CSV
 * injection"). Numbers are written as they are: -33.9 stays a number.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

function label(kind: string): string {
  return kindInfo(kind)?.label ?? kind.replace(/_/g, ' ');
}

/** ACLED-style notes: what, who, where, how many, who says so. */
function notes(s: StoredEvent): string {
  const e = s.event;
  const parts = [label(e.kind)];
  if (e.initiator) parts.push(`by ${e.initiator.name}`);
  if (e.target) parts.push(`against ${e.target.name}`);
  if (s.place) parts.push(`${s.place.relation === 'near' ? 'near' : 'in'} ${s.place.name}`);
  let out = parts.join(' ');
  if (e.fatalities?.total !== null && e.fatalities?.total !== undefined) out += `; ${e.fatalities.total} killed`;
  const c = e.claims[0];
  if (c) out += `. Reported by ${[c.claimant, ...c.via, c.outlet ?? s.article.outlet].filter(Boolean).join(' via ') || 'the outlet'} (${c.stance}).`;
  return out;
}

export function eventCsvRow(s: StoredEvent): unknown[] {
  const e = s.event;
  const c = country(s.country3 ?? s.country2);
  const claim = e.claims[0];
  return [
    `${s.country3 ?? 'XXX'}${s.id}`,
    s.date,
    s.date?.slice(0, 4) ?? null,
    timePrecisionCode(e.time?.start ? e.time.precision : 'unknown'),
    e.acled?.event_type ?? null,
    e.acled?.sub_event_type ?? null,
    e.initiator?.name ?? null,
    e.target?.name ?? null,
    c?.name ?? null,
    c?.numeric ?? null,
    s.place?.admin1 ?? null,
    s.place?.name ?? null,
    s.place?.lat ?? null,
    s.place?.lon ?? null,
    geoPrecisionCode(s.place?.precision, s.place?.relation),
    s.article.outlet,
    notes(s),
    e.fatalities?.total ?? null,
    e.kind,
    claim?.claimant ?? null,
    claim?.via.join('; ') ?? null,
    claim?.outlet ?? s.article.outlet,
    claim?.stance ?? null,
    s.corroboration,
    s.grade,
    s.incidentId,
    e.evidence.map((x) => x.text).join(' … '),
    s.article.url,
  ];
}

/** An event as one JSON record: the contract event with the store's fields beside it. */
export function eventRecord(s: StoredEvent): Record<string, unknown> {
  const { id: localId, ...event } = s.event;
  return {
    id: s.id,
    event_id_cnty: `${s.country3 ?? 'XXX'}${s.id}`,
    local_id: localId,
    date: s.date,
    family: s.family,
    ...event,
    place: s.place,
    country: s.country3,
    country2: s.country2,
    incident_id: s.incidentId,
    corroboration: s.corroboration,
    grade: s.grade,
    article_id: s.article.id,
    revision: s.article.revision,
    url: s.article.url,
    outlet: s.article.outlet,
    title: s.article.title,
    published: s.article.published,
    ...(s.superseded ? { superseded: true } : {}),
  };
}

function eventFeature(s: StoredEvent): object | null {
  if (!s.place || s.place.lat === null || s.place.lon === null) return null;
  const e = s.event;
  const c = e.claims[0];
  return {
    type: 'Feature',
    id: s.id,
    geometry: { type: 'Point', coordinates: [s.place.lon, s.place.lat] },
    properties: {
      id: s.id,
      event_id_cnty: `${s.country3 ?? 'XXX'}${s.id}`,
      date: s.date,
      kind: e.kind,
      event_type: e.acled?.event_type ?? null,
      sub_event_type: e.acled?.sub_event_type ?? null,
      actor1: e.initiator?.name ?? null,
      actor2: e.target?.name ?? null,
      country: s.country3,
      location: s.place.name,
      admin1: s.place.admin1,
      precision: s.place.precision,
      relation: s.place.relation,
      fatalities: e.fatalities?.total ?? null,
      claimant: c?.claimant ?? null,
      stance: c?.stance ?? null,
      outlet: s.article.outlet,
      url: s.article.url,
      incident_id: s.incidentId,
      corroboration: s.corroboration,
      grade: s.grade,
      evidence: e.evidence.map((x) => x.text).join(' … '),
    },
  };
}

interface SummaryShape {
  initiator?: { consensus?: { name?: string } | null };
  target?: { consensus?: { name?: string } | null };
  corroboration?: { reason?: string; sources?: { name: string }[] };
}

export function incidentCsvRow(i: StoredIncident): unknown[] {
  const c = country(i.country3 ?? i.country2);
  const k = i.kind ? kindInfo(i.kind) : undefined;
  const sum = (i.summary ?? {}) as SummaryShape;
  return [
    i.id,
    i.dateStart,
    i.dateEnd,
    i.dateStart?.slice(0, 4) ?? null,
    k?.acled?.event_type ?? null,
    k?.acled?.sub_event_type ?? null,
    i.kind,
    i.family,
    sum.initiator?.consensus?.name ?? null,
    sum.target?.consensus?.name ?? null,
    c?.name ?? null,
    c?.numeric ?? null,
    i.admin1,
    i.location,
    i.lat,
    i.lon,
    i.fatalities,
    i.events,
    i.articles,
    i.outlets,
    i.corroboration,
    i.grade,
    sum.corroboration?.reason ?? null,
    (sum.corroboration?.sources ?? []).map((s) => s.name).join('; '),
  ];
}

export function incidentRecord(i: StoredIncident): Record<string, unknown> {
  return {
    id: i.id,
    family: i.family,
    kind: i.kind,
    date_start: i.dateStart,
    date_end: i.dateEnd,
    country: i.country3,
    country2: i.country2,
    location: i.location,
    admin1: i.admin1,
    lat: i.lat,
    lon: i.lon,
    events: i.events,
    articles: i.articles,
    outlets: i.outlets,
    corroboration: i.corroboration,
    grade: i.grade,
    fatalities: i.fatalities,
    summary: i.summary,
  };
}

function incidentFeature(i: StoredIncident): object | null {
  if (i.lat === null || i.lon === null) return null;
  const { summary: _s, lat: _a, lon: _b, ...props } = incidentRecord(i);
  return { type: 'Feature', id: i.id, geometry: { type: 'Point', coordinates: [i.lon, i.lat] }, properties: props };
}

const clip = (s: string | null | undefined, n: number) => {
  const v = s ?? '';
  return v.length > n ? v.slice(0, n - 1) + '…' : v;
};

function tableLine(cells: [string, number][]): string {
  return cells.map(([v, w]) => clip(v, w).padEnd(w)).join('  ').trimEnd() + '\n';
}

const EVENT_TABLE: [string, number][] = [
  ['id', 8],
  ['date', 10],
  ['kind', 20],
  ['iso', 3],
  ['location', 18],
  ['actors', 34],
  ['killed', 6],
  ['corr', 4],
  ['grade', 10],
  ['outlet', 20],
];

const INCIDENT_TABLE: [string, number][] = [
  ['id', 8],
  ['from', 10],
  ['to', 10],
  ['kind', 20],
  ['iso', 3],
  ['location', 18],
  ['events', 6],
  ['outlets', 7],
  ['corr', 4],
  ['grade', 10],
  ['killed', 6],
];

/** How one kind of item (event, incident) reads in each format. */
export interface ItemShape<T> {
  csvColumns: readonly string[];
  csvRow: (x: T) => unknown[];
  record: (x: T) => Record<string, unknown>;
  feature: (x: T) => object | null;
  table: [string, number][];
  tableRow: (x: T) => string[];
}

/**
 * A format, as text around items: what comes first, each item (given how many were written
 * before it; null when the item is not written, e.g. a GeoJSON feature without coordinates),
 * and what comes last. The CLI writes these to stdout; the API streams the same text.
 */
export interface Renderer<T> {
  /** the HTTP Content-Type */
  type: string;
  head: string;
  item(x: T, n: number): string | null;
  tail(n: number): string;
}

function renderers<T>(how: ItemShape<T>): Record<Format, Renderer<T>> {
  return {
    csv: { type: 'text/csv; charset=utf-8; header=present', head: csvLine([...how.csvColumns]), item: (x) => csvLine(how.csvRow(x)), tail: () => '' },
    ndjson: { type: 'application/x-ndjson; charset=utf-8', head: '', item: (x) => JSON.stringify(how.record(x)) + '\n', tail: () => '' },
    json: { type: 'application/json; charset=utf-8', head: '[', item: (x, n) => (n ? ',\n' : '\n') + JSON.stringify(how.record(x)), tail: (n) => (n ? '\n]\n' : ']\n') },
    geojson: {
      type: 'application/geo+json; charset=utf-8',
      head: '{"type":"FeatureCollection","features":[',
      item: (x, n) => {
        const f = how.feature(x);
        return f ? (n ? ',\n' : '\n') + JSON.stringify(f) : null;
      },
      tail: (n) => (n ? '\n]}\n' : ']}\n'),
    },
    table: { type: 'text/plain; charset=utf-8', head: tableLine(how.table), item: (x) => tableLine(how.tableRow(x).map((v, k) => [v, how.table[k][1]])), tail: () => '' },
  };
}

/** Items of one page as text, and how many were written in all after them. */
export function renderItems<T>(r: Renderer<T>, items: T[], n: number): { text: string; n: number } {
  let text = '';
  for (const x of items) {
    const t = r.item(x, n);
    if (t === null) continue;
    text += t;
    n++;
  }
  return { text, n };
}

/** Writes pages of items in one format; returns how many were written (GeoJSON: located ones). */
export async function writeAll<T>(pages: AsyncIterable<T[]>, r: Renderer<T>, out: (s: string) => void): Promise<number> {
  let n = 0;
  if (r.head) out(r.head);
  for await (const page of pages) {
    const chunk = renderItems(r, page, n);
    n = chunk.n;
    if (chunk.text) out(chunk.text);
  }
  const tail = r.tail(n);
  if (tail) out(tail);
  return n;
}

export const EVENT_SHAPE: ItemShape<StoredEvent> = {
  csvColumns: EVENT_CSV_COLUMNS,
  csvRow: eventCsvRow,
  record: eventRecord,
  feature: eventFeature,
  table: EVENT_TABLE,
  tableRow: (s) => [
    String(s.id),
    s.date ?? '',
    s.event.kind,
    s.country3 ?? '',
    s.place?.name ?? '',
    [s.event.initiator?.name, s.event.target?.name].filter(Boolean).join(' → '),
    s.event.fatalities?.total?.toString() ?? '',
    s.corroboration?.toString() ?? '',
    s.grade ?? '',
    s.article.outlet ?? '',
  ],
};

export const INCIDENT_SHAPE: ItemShape<StoredIncident> = {
  csvColumns: INCIDENT_CSV_COLUMNS,
  csvRow: incidentCsvRow,
  record: incidentRecord,
  feature: incidentFeature,
  table: INCIDENT_TABLE,
  tableRow: (i) => [
    String(i.id),
    i.dateStart ?? '',
    i.dateEnd ?? '',
    i.kind ?? i.family,
    i.country3 ?? '',
    i.location ?? '',
    String(i.events),
    String(i.outlets),
    String(i.corroboration),
    i.grade ?? '',
    i.fatalities?.toString() ?? '',
  ],
};

/** The renderer registry: what (events or incidents) × format → renderer. */
export const RENDERERS = { events: renderers(EVENT_SHAPE), incidents: renderers(INCIDENT_SHAPE) };
export type Listing = keyof typeof RENDERERS;

export function writeEvents(pages: AsyncIterable<StoredEvent[]>, format: Format, out: (s: string) => void): Promise<number> {
  return writeAll(pages, RENDERERS.events[format], out);
}

export function writeIncidents(pages: AsyncIterable<StoredIncident[]>, format: Format, out: (s: string) => void): Promise<number> {
  return writeAll(pages, RENDERERS.incidents[format], out);
}
