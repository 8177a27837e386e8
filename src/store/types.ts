// The corpus store: what `sitrep ingest` writes and `sitrep events|incidents|stats` read.
//
// One interface, several possible back ends. SQLite (./sqlite.ts) is the one that exists; a
// PostgreSQL one can follow by implementing `Store` and passing the same suite
// (./store-suite.ts, parameterised by a factory). SQL stays inside each implementation; what
// both share (flattening a document into rows, canonical URLs, text hashes, incident linking
// decisions) lives in plain modules beside this one.
//
// Every method returns a Promise, although SQLite answers synchronously: a network database
// cannot, and callers written against Promises work with both. Each `putArticle` is one
// transaction: after a crash the article is either wholly stored (with its events, mentions and
// incident links) or not at all.
//
// Faults are StoreErrors (./errors.ts) with a code callers map without reading the message.
import type { Document, Event, Place } from '../contract.js';
import type { PreparedArticle } from './prepare.js';

/** Where an article came from, beside what the document says. */
export interface RawMeta {
  /** how the input is named in reports: a path, "feed.xml#item 3", "crawl.warc.gz#record 12", a URL */
  source: string;
  /** the article's URL when known (canonicalised by the store for identity; kept as given too) */
  url?: string | null;
  /** identity when there is no URL (e.g. "file:/abs/path.txt" or "file:/abs/batch.jsonl#id=7") */
  key?: string | null;
  /** hash of the raw input and the metadata given with it: lets a re-run skip before extracting */
  rawHash?: string | null;
  /** hash of the normalised text (./hash.ts textHash); taken from the prepared article when absent */
  textHash?: string | null;
}

export type PutStatus = 'new' | 'revision' | 'duplicate';

export interface PutResult {
  status: PutStatus;
  articleId: number;
  revisionId: number;
  /** store ids of the events written (empty for a duplicate) */
  eventIds: number[];
  /** incidents the new events were linked into */
  incidentIds: number[];
}

export interface Rejection {
  source: string;
  reason: string;
}

/** Filters shared by event and incident queries. All optional; they combine with AND. */
export interface Filter {
  /** ISO date, inclusive */
  from?: string;
  /** ISO date, inclusive */
  to?: string;
  /** ISO 3166-1 alpha-2 or alpha-3 (either is accepted) */
  country?: string;
  /** a taxonomy kind or a family name; several may be given */
  kind?: string | string[];
  /** an actor: a country code (initiator or target country) or words of an actor's name */
  actor?: string;
  /** full-text search over event evidence, actors and places */
  q?: string;
  /** the outlet that published the report, by name (any case); for incidents: an outlet among their reports */
  outlet?: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number];
  /** only events whose incident is reported by at least this many independent sources */
  minCorroboration?: number;
  /** page size (default 100, at most 10 000) */
  limit?: number;
  /** from a previous page's `cursor` */
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  /** pass back as `cursor` for the next page; null when this was the last */
  cursor: string | null;
}

/** The place an event happened at, resolved from the document's places. */
export interface StoredPlace {
  name: string;
  country: string | null; // alpha-2
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: Place['precision'];
  geonameid: number | null;
  relation: 'at' | 'near' | 'in';
}

export interface ArticleRef {
  id: number;
  revision: number;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

export interface StoredEvent {
  /** the store's id (stable across runs of the same database) */
  id: number;
  /** the event as extracted (contract Event; its `id` is the document-local one, e.g. "ev1") */
  event: Event;
  family: string | null;
  /** the event's day (its time's start, else the article's publication day), or null */
  date: string | null;
  /** alpha-2 and alpha-3 of where it happened (the place's country) */
  country2: string | null;
  country3: string | null;
  place: StoredPlace | null;
  article: ArticleRef;
  incidentId: number | null;
  corroboration: number | null;
  grade: string | null;
  /** true when a later revision of its article replaced it */
  superseded: boolean;
}

export interface StoredIncident {
  id: number;
  family: string;
  /** the kind most of its events have (ties: the first in taxonomy order) */
  kind: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  country2: string | null;
  country3: string | null;
  location: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  /** current (not superseded) events in it */
  events: number;
  articles: number;
  outlets: number;
  /** independent sources reporting it (as the corroboration module counts them) */
  corroboration: number;
  grade: string | null;
  fatalities: number | null;
  /** the corroboration module's summary, as it returned it */
  summary: unknown;
}

export interface IncidentDetail extends StoredIncident {
  members: StoredEvent[];
}

export interface RevisionInfo {
  id: number;
  n: number;
  source: string | null;
  textHash: string;
  ingestedAt: string;
  supersededBy: number | null;
  events: number;
}

export interface ArticleDetail {
  id: number;
  key: string;
  url: string | null;
  urls: string[];
  outlet: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  license: string | null;
  text: string;
  /** the current revision's document (with article.text) */
  document: Document;
  revisions: RevisionInfo[];
  /** the store's id of each event of the current revision, by its id in the document ("ev1") */
  eventIds?: Record<string, number>;
}

export interface Stats {
  articles: number;
  revisions: number;
  /** current events (superseded ones are counted apart) */
  events: number;
  superseded: number;
  /** incidents with at least one current event */
  incidents: number;
  rejected: number;
  entities: number;
  places: number;
  claims: number;
  /** a store with a job queue (PostgreSQL): its jobs, and the latest that failed for good */
  queue?: QueueStats;
}

export interface QueueStats {
  /** waiting to run (retries included) */
  queued: number;
  running: number;
  /** failed 3 times: kept in the dead-letter table */
  dead: number;
  /** the latest dead letters */
  deadLetters: { source: string; attempts: number; error: string; at: string }[];
}

export interface Store {
  /** Stores one article (doc must carry article.text) with its events, in one transaction, and links the events into incidents. */
  putArticle(doc: Document, raw: RawMeta): Promise<PutResult>;
  /** putArticle for a document already prepared (./prepare.ts), e.g. in a worker thread. */
  putPrepared(p: PreparedArticle, raw: RawMeta): Promise<PutResult>;
  /**
   * putPrepared for several articles, each still whole or not at all: one write transaction for
   * the batch where the backend gains by it (SQLite: one commit instead of one per article), each
   * article inside it on its own (a savepoint). An article the store refuses comes back as its
   * error, in its place; a fault of the store itself (StoreError.fatal) is thrown, and then none
   * of the batch is stored.
   */
  putBatch(items: { prepared: PreparedArticle; raw: RawMeta }[]): Promise<(PutResult | Error)[]>;
  /** True when an input with this raw hash is already stored: a re-run can skip it unread. */
  hasRaw(rawHash: string): Promise<boolean>;
  /** Records an input that could not be stored (replacing an earlier rejection of the same source). */
  putRejected(r: Rejection): Promise<void>;
  /** Forgets the rejection of a source that has now been read (storing an article does this itself). */
  clearRejected(source: string): Promise<void>;
  rejected(limit?: number): Promise<(Rejection & { at: string })[]>;

  events(f?: Filter): Promise<Page<StoredEvent>>;
  /** events(f) with each item as its JSON text, JSON.stringify(item) exactly: a server sends it on without building the objects. */
  eventsJson(f?: Filter): Promise<Page<string>>;
  incidents(f?: Filter): Promise<Page<StoredIncident>>;
  getEvent(id: number): Promise<StoredEvent | null>;
  getIncident(id: number): Promise<IncidentDetail | null>;
  getArticle(id: number): Promise<ArticleDetail | null>;

  stats(): Promise<Stats>;
  /** Checks the store's files or database for damage (`sitrep doctor`): what is wrong, in plain words; empty when sound. */
  check(): Promise<string[]>;
  /**
   * Brings derived data up to date: incident summaries are recomputed once per incident after a
   * run of putArticle calls rather than on every call. Reads through this store flush first;
   * close() flushes; another process reading meanwhile may see summaries a little behind.
   */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
