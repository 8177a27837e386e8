// The map page and the table page: both show the current filter's events, with the filter bar,
// the timeline and (on the table page) the facets.
import { get } from './api.js';
import { fmtNumber, fmtRange, h, kindLabel, mount } from './dom.js';
import { activeFilters, currentFilter, filterBar, globalFacets, go, wide, withFilter } from './filters.js';
import { drawMap } from './map.js';
import { timeline } from './timeline.js';

function noDates(f) {
  return withFilter({ from: null, to: null }, f);
}

/** The timeline of the current filter, drawn over all dates so that a range can be widened again. */
async function timelineFor(path, f) {
  const facets = await get('/api/facets', noDates(f));
  return timeline(facets.day, { from: f.get('from'), to: f.get('to') }, (from, to) => go(path, withFilter({ from, to }, f)));
}

function countNote(facets, shown, what) {
  const total = facets.complete ? `${fmtNumber(facets.total)} events match` : `more than ${fmtNumber(facets.total)} events match (counts are of the newest)`;
  return h('p', { class: 'count' }, `${total}; ${fmtNumber(shown)} ${what} shown.`);
}

export async function mapPage(view) {
  const f = currentFilter();
  const [all, facets, incidents, tl] = await Promise.all([
    globalFacets(),
    get('/api/facets', f),
    get('/api/incidents', withFilter({ limit: 1000 }, f)),
    timelineFor('/map', f),
  ]);
  const mapEl = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'map of incidents' });
  const list = h(
    'ol',
    { class: 'incident-list' },
    incidents.items.slice(0, 100).map((i) =>
      h(
        'li',
        null,
        h('span', { class: `dot fam-${i.family}`, 'aria-hidden': 'true' }),
        h('a', { href: `#/incident/${i.id}` }, `${kindLabel(i.kind ?? i.family)} — ${i.location ?? 'place unknown'}${i.country3 ? `, ${i.country3}` : ''}`),
        h('span', { class: 'meta' }, ` ${fmtRange(i.dateStart, i.dateEnd)} · killed ${fmtNumber(i.fatalities)} · ${i.corroboration} source${i.corroboration === 1 ? '' : 's'}`),
      ),
    ),
  );
  mount(
    view,
    h('h1', { class: 'visually-hidden' }, 'Map of incidents'),
    filterBar('/map', all),
    activeFilters('/map'),
    tl,
    countNote(facets, incidents.items.length, `incident${incidents.items.length === 1 ? '' : 's'}`),
    mapEl,
    h('section', { class: 'panel' }, h('h2', null, 'Incidents'), incidents.items.length ? list : h('p', null, 'Nothing matches this filter.')),
  );
  await drawMap(mapEl, incidents.items, {
    country: f.get('country'),
    onCountry: (a3) => go('/map', withFilter({ country: a3 }, f)),
  });
}

function facetList(title, key, values, f) {
  if (!values.length) return null;
  const chosen = f.get(key);
  return h(
    'section',
    { class: 'facet' },
    h('h3', null, title),
    h(
      'ul',
      null,
      values.slice(0, 15).map((v) =>
        h(
          'li',
          { class: chosen === v.value ? 'chosen' : null },
          h('a', { href: `#/table?${withFilter({ [key]: chosen === v.value ? null : v.value }, f)}`, title: chosen === v.value ? 'remove this filter' : `only ${v.label}` }, key === 'kind' ? kindLabel(v.label) : v.label),
          h('span', { class: 'n' }, fmtNumber(v.count)),
        ),
      ),
    ),
  );
}

const COLUMNS = [
  { key: 'date', label: 'Date', value: (e) => e.date ?? '' },
  { key: 'kind', label: 'Kind', value: (e) => e.event.kind },
  { key: 'where', label: 'Where', value: (e) => [e.place?.name, e.country3].filter(Boolean).join(', ') },
  { key: 'actors', label: 'Who → whom', value: (e) => [e.event.initiator?.name ?? '?', e.event.target?.name].filter(Boolean).join(' → ') },
  { key: 'killed', label: 'Killed', value: (e) => e.event.fatalities?.total ?? -1, numeric: true },
  { key: 'outlet', label: 'Outlet', value: (e) => e.article.outlet ?? '' },
  { key: 'sources', label: 'Sources', value: (e) => e.corroboration ?? 0, numeric: true },
];

function cell(e, c) {
  switch (c.key) {
    case 'kind':
      return h('td', null, h('span', { class: `dot fam-${e.family}`, 'aria-hidden': 'true' }), h('a', { href: `#/event/${e.id}` }, kindLabel(e.event.kind)));
    case 'killed':
      return h('td', { class: 'num' }, fmtNumber(e.event.fatalities?.total));
    case 'sources':
      return h('td', { class: 'num' }, e.corroboration === null ? '—' : `${e.corroboration}${e.grade ? ` (${e.grade})` : ''}`);
    default:
      return h('td', null, c.value(e) || '—');
  }
}

export async function tablePage(view) {
  const f = currentFilter();
  const [all, facets, page, tl] = await Promise.all([globalFacets(), get('/api/facets', f), get('/api/events', withFilter({ limit: 200 }, f)), timelineFor('/table', f)]);
  const rows = [...page.items];
  let next = page.next;
  let sort = { key: 'date', dir: -1 };
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary' }, 'Load more');
  const head = h('tr');
  const drawHead = () =>
    mount(
      head,
      COLUMNS.map((c) =>
        h(
          'th',
          { scope: 'col', 'aria-sort': sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: c.numeric ? 'num' : null },
          h('button', { type: 'button', class: 'sort', onclick: () => ((sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : c.numeric ? -1 : 1 }), draw()) }, c.label, sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''),
        ),
      ),
    );
  const draw = () => {
    const col = COLUMNS.find((c) => c.key === sort.key);
    rows.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : b.id - a.id) * sort.dir;
    });
    drawHead();
    mount(tbody, rows.map((e) => h('tr', null, COLUMNS.map((c) => cell(e, c)))));
    more.hidden = !next;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    const p = await get('/api/events', withFilter({ limit: 200, cursor: next }, f));
    rows.push(...p.items);
    next = p.next;
    more.disabled = false;
    draw();
  });
  draw();
  mount(
    view,
    h('h1', { class: 'visually-hidden' }, 'Table of events'),
    filterBar('/table', all),
    activeFilters('/table'),
    tl,
    h(
      'div',
      { class: 'table-layout' },
      h(
        'details',
        { class: 'facets', open: wide() },
        h('summary', null, 'Facets'),
        h(
          'div',
          { class: 'facet-lists' },
          facetList('Country', 'country', facets.country, f),
          facetList('Kind', 'kind', facets.kind, f),
          facetList('Actor', 'actor', facets.actor, f),
          facetList('Outlet', 'outlet', facets.outlet, f),
        ),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        countNote(facets, rows.length, `event${rows.length === 1 ? '' : 's'}`),
        rows.length ? h('div', { class: 'scroll-x' }, h('table', { class: 'events' }, h('thead', null, head), tbody)) : h('p', null, 'Nothing matches this filter.'),
        more,
      ),
    ),
  );
}
