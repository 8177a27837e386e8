// `sitrep eval --acled FILE.csv`: measures sitrep on an ACLED export. Each row's `notes` (the
// coder's description of one event) is extracted as a short report published three days after the
// event, and sitrep's primary event is compared with ACLED's coding of the row.
//
// Scoring convention (as for the ACLED development set, ../shared/data/acled-dev/README.md):
// - publication day = event_date + 3 days;
// - the primary event is the highest-confidence event that is not background (ties: the first);
// - event type and sub-event type are right when the primary event's ACLED codes equal the row's;
// - actors by data/eval/acled-actors.yaml: actor1 (or assoc_actor_1) against the initiator,
//   actor2 (or assoc_actor_2) against the target;
// - location is right within 50 km, scored on rows with geo_precision 1 or 2;
// - date is right when the primary event starts on event_date, scored on rows with
//   time_precision 1 when the export has that column;
// - fatalities = the sum over all non-background events of the figure as ACLED codes it (`coded`:
//   vague words by ACLED's conventions, "several" 10; not stated counts as 0), right when exact.
// The file is read for measurement only: nothing from it is written anywhere.
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { extract } from '../pipeline.js';
import type { Document, Event, Place } from '../contract.js';
import { haversineKm } from './score.js';
import { sameActor } from './acled-actors.js';
import { countryByAlpha2, countryByAlpha3, countryByName } from '../gazetteer/index.js';

export const REQUIRED_COLUMNS = [
  'notes',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
] as const;

export interface AcledRow {
  /** event_id_cnty, else data_id, else "row N" */
  id: string;
  /** 1-based line of the record's start in the file (for messages) */
  line: number;
  notes: string;
  /** ISO date */
  date: string;
  timePrecision: number | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  assocActor1: string;
  actor2: string;
  assocActor2: string;
  country: string;
  location: string;
  lat: number | null;
  lon: number | null;
  geoPrecision: number | null;
  fatalities: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** ACLED's event_date as exported: "2020-05-09", "9-May-20", "09 May 2020", "May 9, 2020". */
export function parseAcledDate(s: string): string | null {
  const t = s.trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  const valid = (y: number, m: number, d: number) => {
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
  };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return valid(+m[1], +m[2], +m[3]);
  const year = (y: string) => (y.length === 2 ? 2000 + +y : +y);
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  m = /^(\d{1,2})[-\s]([A-Za-z]+)\.?[-\s](\d{2}|\d{4})$/.exec(t);
  if (m && month(m[2]) > 0) return valid(year(m[3]), month(m[2]), +m[1]);
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m && month(m[1]) > 0) return valid(+m[3], month(m[1]), +m[2]);
  return null;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/** Reads an ACLED export (CSV with ACLED's column names) into rows, or says what is wrong with it. */
export function readAcled(file: string): AcledRow[] {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(file, 'no such file');
  }
  if (st.isDirectory()) throw new InputError(file, 'is a directory, not an ACLED export (a .csv file)');
  let records: Record<string, string>[];
  const lines: number[] = [];
  try {
    records = parse(readFileSync(file), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_quotes: false,
      on_record: (r: Record<string, string>, ctx: { lines: number }) => {
        lines.push(ctx.lines);
        return r;
      },
    });
  } catch (e) {
    throw new InputError(file, `not a readable CSV file (${(e as Error).message})`);
  }
  if (records.length === 0) throw new InputError(file, 'has no rows (an ACLED export has a header line and one row per event)');
  const columns = new Set(Object.keys(records[0]));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length)
    throw new InputError(file, `lacks the ACLED column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${[...columns].join(', ')})`);
  return records.map((r, i) => {
    const line = lines[i] ?? i + 2;
    const date = parseAcledDate(r.event_date);
    if (!date) throw new InputError(`${file}:${line}`, `event_date "${r.event_date}" is not a date (expected e.g. 2020-05-09 or 9-May-20)`);
    const fatalities = num(r.fatalities);
    if (fatalities === null || fatalities < 0 || !Number.isInteger(fatalities))
      throw new InputError(`${file}:${line}`, `fatalities "${r.fatalities}" is not a whole number`);
    return {
      id: r.event_id_cnty?.trim() || r.data_id?.trim() || `row ${i + 1}`,
      line,
      notes: r.notes ?? '',
      date,
      timePrecision: num(r.time_precision),
      eventType: r.event_type.trim(),
      subEventType: r.sub_event_type.trim(),
      actor1: r.actor1.trim(),
      assocActor1: r.assoc_actor_1?.trim() ?? '',
      actor2: r.actor2.trim(),
      assocActor2: r.assoc_actor_2?.trim() ?? '',
      country: r.country?.trim() ?? '',
      location: r.location.trim(),
      lat: num(r.latitude),
      lon: num(r.longitude),
      geoPrecision: num(r.geo_precision),
      fatalities,
    };
  });
}

/** Rows of the countries listed (names or ISO codes), or of all others when `exclude`. */
export function filterByCountry(rows: AcledRow[], list: string, exclude = false): AcledRow[] {
  const wanted = new Set(
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (countryByName(s) ?? countryByAlpha3(s) ?? countryByAlpha2(s))?.alpha3 ?? s.toLowerCase()),
  );
  const keyOf = (r: AcledRow) => countryByName(r.country)?.alpha3 ?? r.country.toLowerCase();
  return rows.filter((r) => wanted.has(keyOf(r)) !== exclude);
}

/** The fields scored, in the order they are printed. */
export const FIELDS = ['event_type', 'sub_event_type', 'actor1', 'actor2', 'location', 'date', 'fatalities'] as const;
export type Field = (typeof FIELDS)[number];

/** One field of one note: scored or not, and right or not. */
export interface Outcome {
  field: Field;
  right: boolean;
  expected: string;
  got: string;
}

export interface NoteResult {
  row: AcledRow;
  /** sitrep found no event that is not background */
  noEvent: boolean;
  primary: Event | null;
  outcomes: Outcome[];
  doc: Document;
}

function placeOf(doc: Document, e: Event | null): Place | undefined {
  return e?.location ? doc.places.find((p) => p.id === e.location!.place) : undefined;
}

const describeActor = (e: Event | null, side: 'initiator' | 'target') => {
  const a = e?.[side];
  return a ? `${a.name} (${a.country ?? '-'}, ${a.kind})` : '-';
};

/** The primary event: the highest-confidence event that is not background (ties: the first). */
export function primaryEvent(doc: Document): Event | null {
  let best: Event | null = null;
  for (const e of doc.events) if (!e.historical && (!best || e.confidence > best.confidence)) best = e;
  return best;
}

/** Scores one note's extraction against its row. Pure: the document is given. */
export function scoreNote(row: AcledRow, doc: Document): NoteResult {
  const primary = primaryEvent(doc);
  const outcomes: Outcome[] = [];
  const add = (field: Field, right: boolean, expected: string, got: string) => outcomes.push({ field, right, expected, got });
  const codes = primary?.acled;
  const kind = primary ? ` [${primary.kind}]` : '';
  add('event_type', !!codes && codes.event_type === row.eventType, row.eventType, (codes?.event_type ?? (primary ? 'not an ACLED type' : 'no event')) + kind);
  add(
    'sub_event_type',
    !!codes && codes.event_type === row.eventType && codes.sub_event_type === row.subEventType,
    `${row.eventType} / ${row.subEventType}`,
    (codes ? `${codes.event_type} / ${codes.sub_event_type}` : primary ? 'not an ACLED type' : 'no event') + kind,
  );
  if (row.actor1) {
    const right = [row.actor1, row.assocActor1].filter(Boolean).some((n) => sameActor(n, primary?.initiator ?? null));
    add('actor1', right, row.actor1, describeActor(primary, 'initiator'));
  }
  if (row.actor2) {
    const right = [row.actor2, row.assocActor2].filter(Boolean).some((n) => sameActor(n, primary?.target ?? null));
    add('actor2', right, row.actor2, describeActor(primary, 'target'));
  }
  if (row.geoPrecision !== null && row.geoPrecision <= 2 && row.lat !== null && row.lon !== null) {
    const pl = placeOf(doc, primary);
    const km = pl && pl.lat !== null && pl.lon !== null ? haversineKm(row.lat, row.lon, pl.lat, pl.lon) : null;
    add('location', km !== null && km <= 50, `${row.location} (${row.lat}, ${row.lon})`, pl ? `${pl.name} (${pl.lat}, ${pl.lon})${km !== null ? `, ${Math.round(km)} km off` : ''}` : '-');
  }
  if (row.timePrecision === null || row.timePrecision === 1) add('date', primary?.time?.start === row.date, row.date, primary?.time?.start ?? '-');
  const killed = doc.events.filter((e) => !e.historical).reduce((n, e) => n + (e.fatalities?.coded ?? e.fatalities?.total ?? 0), 0);
  add('fatalities', killed === row.fatalities, String(row.fatalities), String(killed));
  return { row, noEvent: primary === null, primary, outcomes, doc };
}

/** Right / scored for each field, and notes with no event. */
export interface AcledScores {
  notes: number;
  noEvent: number;
  fields: Record<Field, { right: number; scored: number }>;
}

export function tallyNotes(results: NoteResult[]): AcledScores {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, scored: 0 }])) as AcledScores['fields'];
  let noEvent = 0;
  for (const r of results) {
    if (r.noEvent) noEvent++;
    for (const o of r.outcomes) {
      fields[o.field].scored++;
      if (o.right) fields[o.field].right++;
    }
  }
  return { notes: results.length, noEvent, fields };
}

export interface AcledEvaluation {
  file: string;
  /** rows whose notes are empty: nothing to extract, not scored */
  skipped: AcledRow[];
  total: AcledScores;
  byCountry: Record<string, AcledScores>;
  byEventType: Record<string, AcledScores>;
  results: NoteResult[];
}

function groupBy(results: NoteResult[], key: (r: NoteResult) => string): Record<string, AcledScores> {
  const groups = new Map<string, NoteResult[]>();
  for (const r of results) {
    const k = key(r) || '(none)';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return Object.fromEntries([...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([k, rs]) => [k, tallyNotes(rs)]));
}

/** Extracts every note and scores it. */
export function evaluateAcled(file: string, rows: AcledRow[]): AcledEvaluation {
  const scored = rows.filter((r) => r.notes.trim() !== '');
  const results = scored.map((row) => {
    const doc = extract({ source: `${file}:${row.line}`, text: row.notes, id: row.id, published: addDays(row.date, 3) });
    return scoreNote(row, doc);
  });
  return {
    file,
    skipped: rows.filter((r) => r.notes.trim() === ''),
    total: tallyNotes(results),
    byCountry: groupBy(results, (r) => r.row.country),
    byEventType: groupBy(results, (r) => r.row.eventType),
    results,
  };
}
