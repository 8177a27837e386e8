// Rows as the Store's records, the same for every backend: each backend's queries select the
// columns named here (events joined with their document, article, revision and incident).
import type { StoredEvent, StoredIncident } from './types.js';

type Row = Record<string, any>;

/** An event row: e.id, d.json, e.family, e.date, e.country2, e.country3, e.incident_id, e.superseded, e.article_id, r.n AS revision, a.url, a.outlet, a.title, a.published, i.corroboration, i.grade */
export function storedEvent(r: Row): StoredEvent {
  const j = JSON.parse(r.json);
  return {
    id: r.id,
    event: j.event,
    family: r.family,
    date: r.date,
    country2: r.country2,
    country3: r.country3,
    place: j.place,
    article: { id: r.article_id, revision: r.revision, url: r.url, outlet: r.outlet, title: r.title, published: r.published },
    incidentId: r.incident_id,
    corroboration: r.incident_id === null ? null : r.corroboration,
    grade: r.incident_id === null ? null : r.grade,
    superseded: !!r.superseded,
  };
}

const DOC_HEAD = '{"event":';
const DOC_PLACE = ',"place":';

/**
 * JSON.stringify(storedEvent(r)), without building the event: its stored document (d.json) is
 * JSON.stringify({ event, place }) (../prepare.ts), whose two values are spliced in as they are
 * (a page of events was parsed and written out again, ≈ 40 % of a server's work per page). The
 * cut is the last `,"place":` outside a string (in a string every `"` is escaped), which is the
 * top level's as long as the place is flat (a StoredPlace is); a document of any other shape is
 * parsed as before. Same text, so the API's answers are byte for byte those of storedEvent.
 */
export function storedEventJson(r: Row): string {
  const doc: string = r.json;
  const cut = doc.lastIndexOf(DOC_PLACE);
  const place = cut < 0 ? '' : doc.slice(cut + DOC_PLACE.length, -1);
  // Flat: one object (or null) with no bracket or brace inside it, even in a string (such a place
  // takes the long way). The event before the cut ends with its own brace; a cut inside a flat
  // object would follow a scalar, and a cut inside the event would leave a tail with two braces.
  const flat = place === 'null' || (place[0] === '{' && place.indexOf('}') === place.length - 1 && !/[[\]{]/.test(place.slice(1)));
  const cols = [r.id, r.family, r.date, r.country2, r.country3, r.article_id, r.revision, r.url, r.outlet, r.title, r.published, r.incident_id, r.corroboration, r.grade];
  // JSON.stringify leaves out a key whose value is undefined: that row takes the long way too.
  if (!flat || doc[cut - 1] !== '}' || !doc.startsWith(DOC_HEAD) || !doc.endsWith('}') || cols.some((c) => c === undefined)) return JSON.stringify(storedEvent(r));
  const j = JSON.stringify;
  const linked = r.incident_id !== null;
  return (
    `{"id":${j(r.id)},"event":${doc.slice(DOC_HEAD.length, cut)},"family":${j(r.family)},"date":${j(r.date)},"country2":${j(r.country2)},"country3":${j(r.country3)},` +
    `"place":${place},"article":{"id":${j(r.article_id)},"revision":${j(r.revision)},"url":${j(r.url)},"outlet":${j(r.outlet)},"title":${j(r.title)},"published":${j(r.published)}},` +
    `"incidentId":${j(r.incident_id)},"corroboration":${linked ? j(r.corroboration) : 'null'},"grade":${linked ? j(r.grade) : 'null'},"superseded":${!!r.superseded}}`
  );
}

/** An incidents row (i.*). */
export function storedIncident(r: Row): StoredIncident {
  return {
    id: r.id,
    family: r.family,
    kind: r.kind,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    country2: r.country2,
    country3: r.country3,
    location: r.location,
    admin1: r.admin1,
    lat: r.lat,
    lon: r.lon,
    events: r.events,
    articles: r.articles,
    outlets: r.outlets,
    corroboration: r.corroboration,
    grade: r.grade,
    fatalities: r.fatalities,
    summary: r.summary ? JSON.parse(r.summary) : null,
  };
}
