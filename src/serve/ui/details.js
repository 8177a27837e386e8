// One event, one incident, one article: each fact with the evidence it was read from.
import { get } from './api.js';
import { claimChain, fmtNumber, fmtRange, h, kindLabel, mount, safeHref } from './dom.js';
import { claimLine, documentView, eventCard, reveal } from './evidence.js';
import { drawIncidentMap, precisionLabel } from './map.js';

function fact(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

function actorText(a) {
  if (!a) return '—';
  return `${a.name}${a.country ? ` (${a.country})` : ''}${a.kind && a.kind !== 'unknown' ? ` · ${a.kind.replace('_', ' ')}` : ''}`;
}

function figureText(f) {
  if (!f) return 'not stated';
  const parts = [f.total !== null ? `${f.total} in total` : null, f.civilians !== null ? `${f.civilians} civilians` : null, f.military !== null ? `${f.military} military` : null].filter(Boolean);
  return parts.join(', ') || 'stated without a number';
}

function articleHeader(a, withLink = false) {
  return h(
    'header',
    { class: 'article-head' },
    h('h2', null, a.title ?? 'Untitled article'),
    h(
      'p',
      { class: 'meta' },
      a.outlet ?? 'outlet unknown',
      ' · ',
      a.published ?? 'date unknown',
      // Only http(s) addresses become links: an article's URL could be "javascript:…".
      a.url && safeHref(a.url) !== '#' ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
      a.license ? ` · licence: ${a.license}` : null,
      withLink && a.document.events.length > 1 ? [' · ', h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, `all ${a.document.events.length} events of this article`)] : null,
    ),
  );
}

/**
 * Values of one field as each source reports them, side by side: "2 per X · 4 per Y". A figure
 * (`numeric`) also says which value the incident takes; other fields (kind, place, date) only show
 * that reports differ.
 */
function differing(label, field, show, numeric) {
  return h(
    'div',
    { class: 'reported differ' },
    h('h4', null, label, h('span', { class: 'badge warn' }, 'reports differ')),
    h(
      'div',
      { class: 'values' },
      field.reported.map((r) =>
        h(
          'div',
          { class: `value${field.consensus !== null && show(field.consensus) === show(r.value) ? ' consensus' : ''}` },
          h('div', { class: 'v' }, show(r.value)),
          h('div', { class: 'per' }, 'per ', r.claims.join('; ') || 'unattributed'),
          h('div', { class: 'n' }, `${r.sources} source${r.sources === 1 ? '' : 's'}`),
        ),
      ),
    ),
    numeric && field.consensus !== null ? h('p', { class: 'hint' }, `Taken as: ${show(field.consensus)} (the most conservative figure, or what most sources say)`) : null,
  );
}

const showActor = (a) => `${a.name}${a.country ? ` (${a.country})` : ''}`;
const showPlace = (p) => [p.name, p.country].filter(Boolean).join(', ') || '—';
const showDate = (d) => fmtRange(d.start, d.end);

const FIELDS = [
  ['Killed', 'fatalities', (n) => fmtNumber(n), true],
  ['Civilians killed', 'civilians', (n) => fmtNumber(n), true],
  ['Injured', 'injuries', (n) => fmtNumber(n), true],
  ['Kind', 'kind', kindLabel],
  ['Initiator', 'initiator', (a) => showActor(a)],
  ['Target', 'target', (a) => showActor(a)],
  ['Where', 'location', (p) => showPlace(p)],
  ['When', 'date', (d) => showDate(d)],
];

/** What each source reports: values that differ side by side, agreed ones in one list. */
function summaryBlock(inc) {
  const s = inc.summary;
  if (!s) return null;
  const differ = [];
  const agreed = [];
  for (const [label, key, show, numeric] of FIELDS) {
    const f = s[key];
    if (!f?.reported?.length) continue;
    if (f.reported.length > 1) differ.push(differing(label, f, show, numeric));
    else agreed.push(fact(label, show(f.reported[0].value), h('div', { class: 'per' }, 'per ', f.reported[0].claims.join('; ') || 'unattributed')));
  }
  return h(
    'div',
    { class: 'summary' },
    h('h3', null, 'What each source reports'),
    differ,
    agreed.length ? h('dl', { class: 'agreed' }, agreed) : null,
    s.corroboration?.denials?.length ? h('div', { class: 'denials' }, h('h4', null, 'Denials'), h('ul', null, s.corroboration.denials.map((d) => h('li', null, d)))) : null,
  );
}

function gradeLine(inc) {
  const c = inc.summary?.corroboration;
  return h(
    'p',
    { class: 'grade' },
    h('span', { class: `badge grade-${inc.grade ?? 'none'}` }, inc.grade ?? 'ungraded'),
    ' ',
    c?.reason ?? `${inc.corroboration} independent source${inc.corroboration === 1 ? '' : 's'}`,
    h('span', { class: 'hint' }, ` · ${inc.articles} article${inc.articles === 1 ? '' : 's'}, ${inc.outlets} outlet${inc.outlets === 1 ? '' : 's'}`),
  );
}

function memberList(inc, currentId) {
  return h(
    'ul',
    { class: 'members' },
    inc.members.map((m) =>
      h(
        'li',
        { class: m.id === currentId ? 'current' : null },
        h('a', { href: `#/event/${encodeURIComponent(m.id)}` }, m.article.outlet ?? 'unknown outlet', ': ', m.article.title ?? kindLabel(m.event.kind)),
        h('span', { class: 'meta' }, ` ${m.date ?? ''} · killed ${fmtNumber(m.event.fatalities?.total)} · ${m.event.claims.map(claimChain).join('; ')}`),
      ),
    ),
  );
}

/** After an old link was redirected to an item's new id, the address says the new one (without a new history entry). */
function settleAddress(kind, asked, item) {
  if (String(item.id) !== String(asked)) history.replaceState(null, '', `#/${kind}/${encodeURIComponent(item.id)}`);
}

export async function eventPage(view, id) {
  const se = await get(`/api/events/${encodeURIComponent(id)}`);
  settleAddress('event', id, se);
  const [article, incident] = await Promise.all([
    get(`/api/articles/${encodeURIComponent(se.article.id)}`),
    se.incidentId ? get(`/api/incidents/${encodeURIComponent(se.incidentId)}`).catch(() => null) : null,
  ]);
  const e = se.event;
  const doc = article.document;
  const current = article.revisions.at(-1)?.n ?? se.article.revision;
  const sameRevision = se.article.revision === current && !se.superseded;
  const place = se.place;
  mount(
    view,
    h('nav', { class: 'crumbs' }, h('a', { href: '#/table' }, '← events'), incident ? [' · ', h('a', { href: `#/incident/${encodeURIComponent(incident.id)}` }, `incident ${incident.id}`)] : null),
    h('h1', null, h('span', { class: `dot fam-${se.family}`, 'aria-hidden': 'true' }), kindLabel(e.kind), place ? ` in ${place.name}` : '', se.date ? ` — ${se.date}` : ''),
    se.superseded ? h('p', { class: 'notice' }, 'A later revision of the article replaced this event.') : null,
    h(
      'div',
      { class: 'event-layout' },
      h(
        'section',
        { class: 'panel facts' },
        h('h2', null, 'The event'),
        h(
          'dl',
          null,
          fact('Kind', kindLabel(e.kind), e.acled ? h('div', { class: 'hint' }, `ACLED: ${e.acled.event_type} / ${e.acled.sub_event_type}`) : null, e.plover ? h('div', { class: 'hint' }, `PLOVER: ${e.plover}`) : null),
          fact('Who', actorText(e.initiator), ' → ', actorText(e.target)),
          fact('Where', place ? `${place.relation} ${place.name}${place.admin1 ? `, ${place.admin1}` : ''}${place.country ? `, ${place.country}` : ''}` : 'not stated', place?.lat !== null && place?.lat !== undefined ? h('div', { class: 'hint' }, `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)} (${place.precision})`) : null),
          fact('When', e.time ? `${fmtRange(e.time.start, e.time.end)} (“${e.time.text}”, ${e.time.precision})` : 'not stated'),
          fact('Killed', figureText(e.fatalities), ' ', e.fatalities ? h('button', { type: 'button', class: 'link', onclick: () => reveal(`ev-${e.id}`) }, 'show in text') : null),
          fact('Injured', figureText(e.injuries)),
          fact('Mode', e.mode, e.historical ? ' · background (historical)' : ''),
          fact('Confidence', `${Math.round(e.confidence * 100)}%`),
        ),
        h('h3', null, 'Who claims it'),
        h('ul', { class: 'claims' }, e.claims.map((c) => claimLine(c, doc.quotes ?? []))),
      ),
      incident
        ? h('section', { class: 'panel incident' }, h('h2', null, h('a', { href: `#/incident/${encodeURIComponent(incident.id)}` }, `Incident ${incident.id}`)), gradeLine(incident), summaryBlock(incident), h('h3', null, 'Reports of it'), memberList(incident, se.id))
        : h('section', { class: 'panel incident' }, h('h2', null, 'Incident'), h('p', null, 'Not linked to an incident (statements and other verbal events are not).')),
    ),
    h(
      'section',
      { class: 'panel article' },
      articleHeader(article, true),
      sameRevision
        ? documentView(doc, article.text, e.id)
        : h('div', null, h('p', { class: 'notice' }, 'The article has changed since; the evidence as it was read:'), e.evidence.map((s) => h('blockquote', { class: 'mark m-focus' }, s.text))),
    ),
  );
}

/** Each report of an incident: who published it, who it cites, and the sentences it was read from. */
function reportList(inc) {
  return h(
    'ol',
    { class: 'reports' },
    inc.members.map((m) =>
      h(
        'li',
        { class: 'report' },
        h(
          'div',
          { class: 'report-head' },
          h('a', { href: `#/event/${encodeURIComponent(m.id)}` }, m.article.outlet ?? 'unknown outlet', ': ', m.article.title ?? kindLabel(m.event.kind)),
          h('span', { class: 'meta' }, ` ${m.date ?? 'date unknown'} · ${kindLabel(m.event.kind)} · killed ${fmtNumber(m.event.fatalities?.total)}${m.place ? ` · ${m.place.relation} ${m.place.name} (${precisionLabel(m.place.precision)})` : ''}`),
        ),
        h('div', { class: 'claims-line' }, m.event.claims.map((c, k) => [k ? '; ' : '', claimChain(c), ' ', h('span', { class: `stance s-${c.stance}` }, c.stance)])),
        m.event.evidence.map((e) => h('blockquote', { class: 'evidence' }, e.text)),
      ),
    ),
  );
}

export async function incidentPage(view, id) {
  const inc = await get(`/api/incidents/${encodeURIComponent(id)}`);
  settleAddress('incident', id, inc);
  const place = inc.summary?.location?.consensus ?? null;
  const mapEl = h('div', { class: 'map small', role: 'region', 'aria-label': 'where the incident and its reports are placed' });
  mount(
    view,
    h('nav', { class: 'crumbs' }, h('a', { href: '#/map' }, '← map'), ' · ', h('a', { href: '#/incidents' }, 'incidents')),
    h('h1', null, h('span', { class: `dot fam-${inc.family}`, 'aria-hidden': 'true' }), kindLabel(inc.kind ?? inc.family), inc.location ? ` in ${inc.location}` : '', ` — ${fmtRange(inc.dateStart, inc.dateEnd)}`),
    gradeLine(inc),
    h(
      'div',
      { class: 'event-layout' },
      h(
        'section',
        { class: 'panel' },
        h('h2', null, 'Where'),
        inc.lat !== null && inc.lon !== null
          ? [mapEl, h('p', { class: 'hint' }, `${inc.location ?? 'The incident'} is known to ${precisionLabel(place?.precision)}; small white dots: where each report places it.`)]
          : h('p', { class: 'notice' }, 'No coordinates: the reports name no place the gazetteer could locate.'),
        summaryBlock(inc),
      ),
      h('section', { class: 'panel' }, h('h2', null, `Reports (${inc.members.length})`), reportList(inc)),
    ),
  );
  if (inc.lat !== null && inc.lon !== null) await drawIncidentMap(mapEl, { ...inc, precision: place?.precision ?? null });
}

export async function articlePage(view, id) {
  const a = await get(`/api/articles/${encodeURIComponent(id)}`);
  settleAddress('article', id, a);
  const doc = a.document;
  // Each card opens its stored event (the article's own ids, "ev1", map to the store's).
  const href = (e) => (a.eventIds?.[e.id] !== undefined ? `#/event/${encodeURIComponent(a.eventIds[e.id])}` : null);
  mount(
    view,
    h('nav', { class: 'crumbs' }, h('a', { href: '#/table' }, '← events')),
    h('section', { class: 'panel article' }, articleHeader(a), h('div', { class: 'cards' }, doc.events.map((e) => eventCard(e, doc, { href: href(e) }))), documentView(doc, a.text)),
  );
}
