// A contract document turned into what a store writes: rows of plain values and JSON strings, and
// the events as the corroboration module reads them. Pure, and separate from the store so that it
// can run where the document was made (an ingest worker thread), leaving the single writer thread
// only the writing. Every Store implementation takes the same PreparedArticle.
import type { Document } from '../contract.js';
import { fromDocument, incidentIdOf, summarise, type CorroborationEvent } from '../corroborate/index.js';
import { textHash } from './hash.js';
import { daySpan, geoClass, incidentColumns, linkable, type IncidentColumns } from './link.js';
import { eventRows, type EventRow } from './rows.js';

/** A claim of an event, as stored: who asserts it, through whom, how, and where the text says so. */
export interface PreparedClaim {
  claimant: string | null;
  /** the chain between claimant and outlet, as JSON */
  via: string;
  outlet: string | null;
  stance: string;
  quote: string | null;
  /** [start, end] of the claim's evidence, as JSON */
  evidence: string;
}

export interface PreparedEntity {
  localId: string;
  name: string;
  type: string;
  country: string | null;
  role: string | null;
  /** [[start, end]…] as JSON */
  mentions: string;
}

export interface PreparedPlace {
  localId: string;
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: string;
  geonameid: number | null;
  /** [[start, end]…] as JSON */
  mentions: string;
}

export interface PreparedEvent {
  /** flat columns (./rows.ts), without the event object, and the day range and place class linking indexes */
  row: Omit<EventRow, 'event'> & { dayLo: number | null; dayHi: number | null; geoClass: number | null };
  /** {"event": contract Event, "place": resolved place | null} */
  json: string;
  claims: PreparedClaim[];
  /**
   * The event as the corroboration module reads it, as JSON with PENDING where the article's key
   * goes (corroborationJson); null for kinds it skips. Only the JSON crosses from the worker: the
   * writer parses it for the events it links and stores it as it is (a structured clone of the
   * object would cost as much as the parse, for every event).
   */
  ceJson: string | null;
  /** true when the event is linked into incidents (./link.ts linkable) */
  link: boolean;
  /** what the event's stable id is made of besides its article and text (./ids.ts eventIdOf): kind, evidence spans, id in the document */
  idKey: string;
  /**
   * The incident this event makes when no other report matches it (most events): its columns and
   * the module's summary (JSON, ids pending), made here so that the writer need not.
   */
  solo: { columns: IncidentColumns; summary: string } | null;
}

export interface PreparedArticle {
  article: {
    title: string | null;
    outlet: string | null;
    url: string | null;
    published: string | null;
    language: string;
    license: string | null;
  };
  text: string;
  textHash: string;
  /** the document without article.text, and with "events": [] (the store keeps each event apart) */
  document: string;
  entities: PreparedEntity[];
  places: PreparedPlace[];
  events: PreparedEvent[];
}

/** Stands for the article's key in the module's ids until the store numbers the article. */
const PENDING = '\u0000';
const PENDING_JSON = JSON.stringify(PENDING).slice(1, -1);
/** Stands for the incident's id in a solo summary. */
const PENDING_INCIDENT = '\u0001';
const PENDING_INCIDENT_JSON = JSON.stringify(PENDING_INCIDENT);

function solo(ce: CorroborationEvent): PreparedEvent['solo'] {
  const s = summarise([ce], PENDING_INCIDENT);
  return { columns: incidentColumns([ce], s), summary: JSON.stringify(s) };
}

const spans = (ms: { start: number; end: number }[]) => JSON.stringify(ms.map((m) => [m.start, m.end]));

export function prepareArticle(doc: Document): PreparedArticle {
  const text = doc.article.text;
  if (typeof text !== 'string') throw new Error('putArticle needs the document with article.text (extract with includeText)');
  const a = doc.article;
  const ces = new Map(fromDocument(doc, { articleId: PENDING }).map((ce) => [ce.id.slice(PENDING.length + 1), ce]));
  return {
    article: { title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: a.language, license: a.license },
    text,
    textHash: textHash(text),
    // The events are stored one by one beside it (event_docs): written once, not twice.
    document: JSON.stringify({ ...doc, article: { ...a, text: undefined }, events: [] }),
    entities: doc.entities.map((e) => ({ localId: e.id, name: e.name, type: e.type, country: e.country, role: e.role, mentions: spans(e.mentions) })),
    places: doc.places.map(({ id, mentions, ...p }) => ({ ...p, localId: id, mentions: spans(mentions) })),
    events: eventRows(doc).map(({ event, ...row }) => {
      const ce = ces.get(event.id);
      const span = ce ? daySpan(ce) : null;
      const link = linkable(ce);
      return {
        row: { ...row, dayLo: span?.lo ?? null, dayHi: span?.hi ?? null, geoClass: ce ? geoClass(ce) : null },
        json: JSON.stringify({ event, place: row.place }),
        claims: event.claims.map((c) => ({
          claimant: c.claimant,
          via: JSON.stringify(c.via),
          outlet: c.outlet,
          stance: c.stance,
          quote: c.quote,
          evidence: JSON.stringify([c.evidence.start, c.evidence.end]),
        })),
        ceJson: ce ? JSON.stringify(ce) : null,
        link,
        idKey: JSON.stringify([event.kind, event.evidence.map((e) => [e.start, e.end]), event.id]),
        solo: link ? solo(ce!) : null,
      };
    }),
  };
}

/** The stored form of a prepared event's corroboration record, for the article numbered `articleKey`. */
export function corroborationJson(e: PreparedEvent, articleKey: string): string | null {
  return e.ceJson === null ? null : e.ceJson.replaceAll(PENDING_JSON, articleKey);
}

/** A solo incident's summary for the event `ceId` of the article numbered `articleKey`. */
export function soloSummaryJson(e: PreparedEvent, articleKey: string, ceId: string): string | null {
  if (!e.solo) return null;
  return e.solo.summary.replaceAll(PENDING_JSON, articleKey).replace(PENDING_INCIDENT_JSON, JSON.stringify(incidentIdOf([ceId])));
}

