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
