// The SQLite schema, as ordered migrations. A database records in `schema_migrations` which ones it
// has; opening it applies the missing ones in order, each in its own transaction. Never edit a
// migration that has shipped: add the next one.
//
// Events keep flat columns for the filters (day, kind, family, countries, coordinates, actor
// countries, fatalities, incident) beside the full event JSON; an R*Tree indexes coordinates and
// FTS5 indexes event evidence, actors and places.

import type Database from 'better-sqlite3';
import type { Event } from '../../contract.js';
import { ftsText } from '../rows.js';
import type { StoredPlace } from '../types.js';
import { maxOf } from '../../arrays.js';
import type { CorroborationEvent } from '../../corroborate/index.js';
import { linkSummaryOf, registerKeys } from '../link-plan.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** a step that needs code (run after `sql`, in the same transaction) */
  run?: (db: Database.Database) => void;
}

/** Fills events_fts again from the stored events (after its tokenizer changed). */
function reindexEventText(db: Database.Database): void {
  const add = db.prepare('INSERT INTO events_fts (rowid, evidence, actors, place) VALUES (?, ?, ?, ?)');
  // A thousand at a time: the documents of a large store do not fit in memory at once.
  const page = db.prepare('SELECT id, json FROM event_docs WHERE id > ? ORDER BY id LIMIT 1000');
  for (let after = 0; ; ) {
    const rows = page.all(after) as { id: number; json: string }[];
    if (!rows.length) break;
    for (const { id, json } of rows) {
      const { event, place } = JSON.parse(json) as { event: Event; place: StoredPlace | null };
      const t = ftsText(event, place);
      add.run(id, t.evidence, t.actors, t.place);
    }
    after = rows[rows.length - 1].id;
  }
}

/** Gives every live incident its link summary and blocking keys (../link-plan.ts) from its current members. */
function backfillLinks(db: Database.Database): void {
  const page = db.prepare('SELECT id FROM incidents WHERE id > ? AND merged_into IS NULL ORDER BY id LIMIT 1000');
  const members = db.prepare('SELECT e.id, d.corr FROM events e JOIN event_docs d ON d.id = e.id WHERE e.incident_id = ? AND e.superseded = 0 AND d.corr IS NOT NULL');
  const setLink = db.prepare('UPDATE incidents SET link = ? WHERE id = ?');
  const addBlock = db.prepare('INSERT OR IGNORE INTO incident_blocks (key, incident_id) VALUES (?, ?)');
  for (let after = 0; ; ) {
    const ids = (page.all(after) as { id: number }[]).map((r) => r.id);
    if (!ids.length) break;
    for (const id of ids) {
      const ms = (members.all(id) as { id: number; corr: string }[]).map((r) => ({ id: r.id, ce: JSON.parse(r.corr) as CorroborationEvent }));
      const ces = ms.map((m) => m.ce);
      setLink.run(JSON.stringify(linkSummaryOf(ms)), id);
      for (const key of new Set(ces.flatMap(registerKeys))) addBlock.run(key, id);
    }
    after = ids[ids.length - 1];
  }
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'corpus: articles, revisions, mentions, events, claims, incidents, rejected',
    sql: `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,              -- canonical URL, or a source locator when there is none
  url TEXT,                              -- as given
  outlet TEXT, title TEXT, published TEXT, language TEXT, license TEXT,
  current_revision INTEGER,
  created_at TEXT NOT NULL
);
-- every canonical URL an article was seen at (syndicated copies with the same text included)
CREATE TABLE article_urls (url TEXT PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id)) WITHOUT ROWID;

CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  n INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  source TEXT,
  title TEXT,
  text TEXT NOT NULL,
  document TEXT NOT NULL,                -- the contract document, without article.text
  ingested_at TEXT NOT NULL,
  superseded_by INTEGER REFERENCES revisions(id),
  UNIQUE (article_id, n)
);
CREATE INDEX revisions_text_hash ON revisions(text_hash);

-- raw inputs already handled (stored or found duplicate): a re-run skips them before extracting
CREATE TABLE raw_inputs (raw_hash TEXT PRIMARY KEY, revision_id INTEGER NOT NULL REFERENCES revisions(id)) WITHOUT ROWID;

CREATE TABLE entities (
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  local_id TEXT NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, role TEXT,
  mentions TEXT NOT NULL,                -- JSON array of spans
  PRIMARY KEY (revision_id, local_id)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE places (
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  local_id TEXT NOT NULL,
  name TEXT NOT NULL, country TEXT, admin1 TEXT, lat REAL, lon REAL, precision TEXT NOT NULL, geonameid INTEGER,
  mentions TEXT NOT NULL,
  PRIMARY KEY (revision_id, local_id)
) WITHOUT ROWID;
CREATE INDEX places_geonameid ON places(geonameid) WHERE geonameid IS NOT NULL;

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  family TEXT NOT NULL,
  kind TEXT,
  date_start TEXT, date_end TEXT, day_start INTEGER, day_end INTEGER,
  country2 TEXT, country3 TEXT, location TEXT, admin1 TEXT, lat REAL, lon REAL,
  events INTEGER NOT NULL DEFAULT 0,     -- current members; 0 once merged away or superseded
  articles INTEGER NOT NULL DEFAULT 0,
  outlets INTEGER NOT NULL DEFAULT 0,
  corroboration INTEGER NOT NULL DEFAULT 0,
  grade TEXT,
  fatalities INTEGER,
  summary TEXT,                          -- JSON from the corroboration module
  merged_into INTEGER REFERENCES incidents(id),
  dirty INTEGER NOT NULL DEFAULT 1,      -- summary not yet recomputed since its members changed
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_dirty ON incidents(id) WHERE dirty = 1;
CREATE INDEX incidents_day ON incidents(day_start, id);
CREATE INDEX incidents_country_day ON incidents(country3, day_start);
CREATE INDEX incidents_family_day ON incidents(family, day_start);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  revision_id INTEGER NOT NULL REFERENCES revisions(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  local_id TEXT NOT NULL,
  kind TEXT NOT NULL, family TEXT, event_type TEXT, sub_event_type TEXT,
  date TEXT, date_end TEXT, day INTEGER, time_precision TEXT NOT NULL,
  country2 TEXT, country3 TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL, geo_precision TEXT,
  initiator TEXT, initiator_country TEXT, target TEXT, target_country TEXT,
  fatalities INTEGER, mode TEXT NOT NULL, historical INTEGER NOT NULL, confidence REAL NOT NULL,
  outlet TEXT,
  incident_id INTEGER REFERENCES incidents(id),  -- null for kinds that are never linked (verbal)
  superseded INTEGER NOT NULL DEFAULT 0,
  day_lo INTEGER, day_hi INTEGER,        -- the day range the corroboration module compares
  json TEXT NOT NULL,                    -- {"event": contract Event, "place": resolved place | null}
  corr TEXT                              -- the event as the corroboration module reads it
);
CREATE INDEX events_day ON events(day, id);
CREATE INDEX events_country_kind_day ON events(country3, kind, day);
CREATE INDEX events_kind_day ON events(kind, day);
-- Linking candidates (sqlite.ts): covering, so a crowded day is read from the index alone.
-- Ranges longer than a week (link.ts LONG_SPAN_DAYS) are found through their end instead.
CREATE INDEX events_link ON events(family, day_lo, day_hi, country2, lat, lon, superseded, article_id, incident_id);
CREATE INDEX events_link_long ON events(family, day_hi, day_lo, country2, lat, lon, superseded, article_id, incident_id) WHERE day_hi - day_lo > 7;
CREATE INDEX events_initiator_country ON events(initiator_country, day);
CREATE INDEX events_target_country ON events(target_country, day);
CREATE INDEX events_incident ON events(incident_id);
CREATE INDEX events_revision ON events(revision_id);

CREATE TABLE claims (
  event_id INTEGER NOT NULL REFERENCES events(id),
  n INTEGER NOT NULL,
  claimant TEXT, via TEXT, outlet TEXT, stance TEXT NOT NULL, quote TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (event_id, n)
) WITHOUT ROWID;
CREATE INDEX claims_claimant ON claims(claimant COLLATE NOCASE) WHERE claimant IS NOT NULL;

CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
-- contentless: only rowids come back; the text lives in events.json
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, actors, place, content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE revisions_fts USING fts5(title, text, content='revisions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE rejected (source TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
`,
  },
  {
    version: 2,
    name: 'events: documents apart (event_docs), geo_class for linking candidates',
    sql: `
-- The events' documents, apart: filtered scans over events stay within small rows.
CREATE TABLE event_docs (
  id INTEGER PRIMARY KEY REFERENCES events(id),
  json TEXT NOT NULL,                    -- {"event": contract Event, "place": resolved place | null}
  corr TEXT                              -- the event as the corroboration module reads it
);
INSERT INTO event_docs (id, json, corr) SELECT id, json, corr FROM events;
-- How the corroboration module places an event (link.ts geoClass): 0 nowhere, 1 a country,
-- 2 a province or region, 3 a town or point.
ALTER TABLE events ADD COLUMN geo_class INTEGER;
UPDATE events SET geo_class = CASE
  WHEN corr IS NULL THEN NULL
  WHEN json_type(corr, '$.lat') IN ('real', 'integer') AND json_type(corr, '$.lon') IN ('real', 'integer') THEN
    CASE WHEN coalesce(json_extract(corr, '$.precision'), 'city') IN ('point', 'city', 'district') THEN 3
         WHEN json_extract(corr, '$.precision') IN ('admin1', 'region') THEN 2 ELSE 1 END
  WHEN json_extract(corr, '$.country') IS NOT NULL THEN 1 ELSE 0 END;
ALTER TABLE events DROP COLUMN json;
ALTER TABLE events DROP COLUMN corr;
DROP INDEX events_link;
DROP INDEX events_link_long;
CREATE INDEX events_link ON events(family, day_lo, day_hi, geo_class, country2, lat, lon, superseded, article_id, incident_id);
CREATE INDEX events_link_long ON events(family, day_hi, day_lo, geo_class, country2, lat, lon, superseded, article_id, incident_id) WHERE day_hi - day_lo > 7;
`,
  },
  {
    version: 3,
    name: 'events: newest first within a country',
    sql: `
-- "Events in Syria, newest first" walked the whole day index and filtered (≈ 300 ms on 1M events,
-- the load test's slowest query); this index reads the page directly (≈ 1 ms).
CREATE INDEX events_country_day ON events(country3, day, id);
`,
  },
  {
    version: 4,
    name: 'ingest speed: drop indexes no query reads; revision documents without their events',
    sql: `
-- No query reads these (sqlite.ts, src/serve), yet every article paid for them: each row of a
-- random key dirties a page of its own, written to the WAL at every commit (about a fifth of the
-- pages an article wrote). A query that needs one can bring it back in a later migration.
DROP INDEX entities_name;
DROP INDEX claims_claimant;
DROP INDEX places_geonameid;
-- From now on revisions.document is stored with "events": [] and the events are read back from
-- event_docs (sqlite.ts getArticle): they were stored twice. Older rows keep theirs.
`,
  },
  {
    version: 5,
    name: 'linking: very long day ranges apart, so that long ones are found by a bounded walk',
    sql: `
-- Linking candidates with day ranges over 400 days (link.ts VERY_LONG_SPAN_DAYS), apart: the
-- query through events_link_long can then stop at a range's latest possible end.
CREATE INDEX events_link_vlong ON events(family, day_hi, day_lo, geo_class, country2, lat, lon, superseded, article_id, incident_id) WHERE day_hi - day_lo > 400;
`,
  },
  {
    version: 6,
    name: 'events: by outlet, newest first',
    sql: `
-- The outlet filter (Filter.outlet): an outlet's events newest first, as a user types the name.
CREATE INDEX events_outlet_day ON events(outlet COLLATE NOCASE, day, id);
`,
  },
  {
    version: 7,
    name: 'search: the event text index stems words (porter), so "kill" finds "killed"',
    sql: `
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, actors, place, content='', tokenize='porter unicode61 remove_diacritics 2');
`,
    run: reindexEventText,
  },
  {
    version: 8,
    name: 'linking by blocking keys: incidents registered under family × days × place, compared by their link summary',
    sql: `
-- An incident's members as linking compares them (link-plan.ts LinkSummary, JSON): how many, and
-- the distinct ones.
ALTER TABLE incidents ADD COLUMN link TEXT;
-- The blocking keys an incident is registered under (link-plan.ts registerKeys): a new event is
-- compared with the incidents under its keys only.
CREATE TABLE incident_blocks (key TEXT NOT NULL, incident_id INTEGER NOT NULL, PRIMARY KEY (key, incident_id)) WITHOUT ROWID;
-- Candidates are no longer events: the indexes that found them cost every event three index writes.
DROP INDEX events_link;
DROP INDEX events_link_long;
DROP INDEX events_link_vlong;
`,
    run: backfillLinks,
  },
  {
    version: 9,
    name: 'linking: blocking keys found by incident, so that renaming or merging an incident does not scan them all',
    sql: `
-- An incident renamed (its smallest member changed, ids.ts) moves its keys to the new id and drops
-- the old ones: by incident_id, which the primary key (key first) cannot find without reading
-- every row. About one article in three renames an incident, so each such article read the whole
-- table twice and ingest slowed as the store grew (1,000 generated articles: 4 of 11 ms CPU each).
CREATE INDEX incident_blocks_incident ON incident_blocks (incident_id);
`,
  },
  {
    version: 10,
    name: 'events: by how corroborated their incident is',
    sql: `
-- min_corroboration: the incidents corroborated enough, found without reading them all, so that
-- their members can make the page when they are few (filters.ts).
CREATE INDEX incidents_corroboration ON incidents(corroboration);
`,
  },
];

/** Applies the migrations a database lacks, each in its own transaction; returns the versions applied. */
export function migrate(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const have = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = maxOf(MIGRATIONS.map((m) => m.version));
  const top = maxOf(have, 0);
  if (top > newest) throw new SchemaTooNew(top, newest);
  const applied: number[] = [];
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (have.has(m.version)) continue;
    db.transaction(() => {
      // Another process may have applied it since we looked (two ingests started together).
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}

export class SchemaTooNew extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database has schema version ${found}, newer than this sitrep knows (${known})`);
  }
}
