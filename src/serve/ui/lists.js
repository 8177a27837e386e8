// The list pages: the map of incidents, the table of events and the table of incidents. Each shows
// the current filter's matches, with the filter bar, the timeline, a download menu and what the
// page leaves out said in words.
import { get } from './api.js';
import { fmtNumber, fmtRange, h, kindLabel, mount } from './dom.js';
import { activeFilters, currentFilter, downloadMenu, filterBar, globalFacets, go, wide, withFilter } from './filters.js';
import { boundsToBbox, drawMap, legend, precisionLabel, tollText } from './map.js';
import { timeline } from './timeline.js';

function noDates(f) {
  return withFilter({ from: null, to: null }, f);
}

/** The timeline of the current filter, drawn over all dates so that a range can be widened again. */
async function timelineFor(path, f) {
  const facets = await get('/api/facets', noDates(f));
  return timeline(facets.day, { from: f.get('from'), to: f.get('to') }, (from, to) => go(path, withFilter({ from, to }, f)));
}

/**
 * A list page's data; when the server refuses the filter (400: the message the CLI would print
 * for the same options), the filter bar with that message instead of the page.
 */
async function loadOrExplain(view, path, load) {
  try {
    return await load();
  } catch (e) {
    if (e.status !== 400) throw e;
    const all = await globalFacets();
    mount(view, filterBar(path, all, e.message), activeFilters(path));
    return null;
  }
}

function countNote(facets, shown, what) {
  const total = facets.complete ? `${fmtNumber(facets.total)} events match` : `more than ${fmtNumber(facets.total)} events match (counts are of the newest)`;
  return h('p', { class: 'count' }, `${total}; ${fmtNumber(shown)} ${what} shown.`);
}

function incidentHref(i) {
  return `#/incident/${encodeURIComponent(i.id)}`;
}

export async function mapPage(view) {
  const f = currentFilter();
  const data = await loadOrExplain(view, '/map', () =>
    Promise.all([globalFacets(), get('/api/facets', f), get('/api/incidents', withFilter({ limit: 1000 }, f)), timelineFor('/map', f)]),
  );
  if (!data) return;
  const [all, facets, incidents, tl] = data;
  const items = incidents.items;
  const unplaced = items.filter((i) => i.lat === null || i.lon === null);
  const mapEl = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'map of incidents' });
  const shown = h('p', { class: 'map-note' });
  const notes = h(
    'div',
    { class: 'map-notes' },
    shown,
    unplaced.length
      ? h('p', { class: 'map-note warn' }, `${fmtNumber(unplaced.length)} of them ${unplaced.length === 1 ? 'has' : 'have'} no coordinates and ${unplaced.length === 1 ? 'is' : 'are'} not on the map (listed below, marked “not on the map”).`)
      : null,
  );
  if (incidents.next) {
    shown.textContent = `The map shows the newest ${fmtNumber(items.length)} incidents; more match. Zoom in and choose “Only what is in view”, or narrow the filter.`;
    // How many: counted apart (it may take a moment on a large store).
    get(`/api/count/incidents`, f)
      .then((c) => {
        shown.textContent = `Showing the newest ${fmtNumber(items.length)} of ${c.complete ? '' : 'more than '}${fmtNumber(c.count)} incidents. Zoom in and choose “Only what is in view”, or narrow the filter.`;
      })
      .catch(() => {});
  }
  let map = null;
  const inView = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        const box = map ? boundsToBbox(map.getBounds()) : null;
        go('/map', withFilter({ bbox: box }, f));
      },
    },
    'Only what is in view',
  );
  const list = h(
    'ol',
    { class: 'incident-list' },
    items.slice(0, 100).map((i) =>
      h(
        'li',
        null,
        h('span', { class: `dot fam-${i.family}`, 'aria-hidden': 'true' }),
        h('a', { href: incidentHref(i) }, `${kindLabel(i.kind ?? i.family)} — ${i.location ?? 'place unknown'}${i.country3 ? `, ${i.country3}` : ''}`),
        h('span', { class: `meta${i.outlier ? ' outlier' : ''}` }, ` ${fmtRange(i.dateStart, i.dateEnd)} · ${tollText(i)} · ${i.corroboration} source${i.corroboration === 1 ? '' : 's'}`),
        i.lat === null || i.lon === null ? h('span', { class: 'badge' }, 'not on the map') : null,
      ),
    ),
  );
  mount(
    view,
    h('h1', { class: 'visually-hidden' }, 'Map of incidents'),
    filterBar('/map', all),
    activeFilters('/map'),
    tl,
    countNote(facets, items.length, `incident${items.length === 1 ? '' : 's'}`),
    mapEl,
    h('div', { class: 'map-bar' }, notes, h('div', { class: 'map-actions' }, inView, downloadMenu(f))),
    legend(),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, 'Incidents', items.length > 100 ? h('span', { class: 'hint' }, ` (the newest 100: all in the `, h('a', { href: `#/incidents?${f}` }, 'incidents table'), ')') : null),
      items.length ? list : h('p', null, 'Nothing matches this filter.'),
    ),
  );
  map = await drawMap(mapEl, items, {
    country: f.get('country'),
    bbox: f.get('bbox'),
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

/**
 * A sortable table over rows fetched a page at a time: `columns` are {key, label, value(row),
 * numeric?, cell?(row)}; `more()` fetches the next page ({items, next}).
 */
function sortableTable(cls, columns, first, more) {
  const rows = [...first.items];
  let next = first.next;
  let sort = { key: columns[0].key, dir: -1 };
  const tbody = h('tbody');
  const moreButton = h('button', { type: 'button', class: 'secondary' }, 'Load more');
  const head = h('tr');
  const draw = () => {
    const col = columns.find((c) => c.key === sort.key);
    rows.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : String(b.id).localeCompare(String(a.id))) * sort.dir;
    });
    mount(
      head,
      columns.map((c) =>
        h(
          'th',
          { scope: 'col', 'aria-sort': sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: c.numeric ? 'num' : null },
          h('button', { type: 'button', class: 'sort', onclick: () => ((sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : c.numeric ? -1 : 1 }), draw()) }, c.label, sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''),
        ),
      ),
    );
    mount(tbody, rows.map((r) => h('tr', null, columns.map((c) => (c.cell ? c.cell(r) : h('td', { class: c.numeric ? 'num' : null }, c.value(r) || '—'))))));
    moreButton.hidden = !next;
  };
  moreButton.addEventListener('click', async () => {
    moreButton.disabled = true;
    const p = await more(next);
    rows.push(...p.items);
    next = p.next;
    moreButton.disabled = false;
    draw();
  });
  draw();
  return { table: h('div', { class: 'scroll-x' }, h('table', { class: cls }, h('thead', null, head), tbody)), more: moreButton, rows };
}

const EVENT_COLUMNS = [
  { key: 'date', label: 'Date', value: (e) => e.date ?? '' },
  {
    key: 'kind',
    label: 'Kind',
    value: (e) => e.event.kind,
    cell: (e) => h('td', null, h('span', { class: `dot fam-${e.family}`, 'aria-hidden': 'true' }), h('a', { href: `#/event/${encodeURIComponent(e.id)}` }, kindLabel(e.event.kind))),
  },
  { key: 'where', label: 'Where', value: (e) => [e.place?.name, e.country3].filter(Boolean).join(', ') },
  { key: 'actors', label: 'Who → whom', value: (e) => [e.event.initiator?.name ?? '?', e.event.target?.name].filter(Boolean).join(' → ') },
  { key: 'killed', label: 'Killed', value: (e) => e.event.fatalities?.total ?? -1, numeric: true, cell: (e) => h('td', { class: 'num' }, fmtNumber(e.event.fatalities?.total)) },
  { key: 'outlet', label: 'Outlet', value: (e) => e.article.outlet ?? '' },
  {
    key: 'sources',
    label: 'Sources',
    value: (e) => e.corroboration ?? 0,
    numeric: true,
    cell: (e) => h('td', { class: 'num' }, e.corroboration === null ? '—' : `${e.corroboration}${e.grade ? ` (${e.grade})` : ''}`),
  },
];

export async function tablePage(view) {
  const f = currentFilter();
  const data = await loadOrExplain(view, '/table', () =>
    Promise.all([globalFacets(), get('/api/facets', f), get('/api/events', withFilter({ limit: 200 }, f)), timelineFor('/table', f)]),
  );
  if (!data) return;
  const [all, facets, page, tl] = data;
  const t = sortableTable('events', EVENT_COLUMNS, page, (cursor) => get('/api/events', withFilter({ limit: 200, cursor }, f)));
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
        h('div', { class: 'table-bar' }, countNote(facets, t.rows.length, `event${t.rows.length === 1 ? '' : 's'}`), downloadMenu(f)),
        t.rows.length ? t.table : h('p', null, 'Nothing matches this filter.'),
        t.more,
      ),
    ),
  );
}

const INCIDENT_COLUMNS = [
  { key: 'date', label: 'Date', value: (i) => i.dateStart ?? '', cell: (i) => h('td', null, fmtRange(i.dateStart, i.dateEnd)) },
  {
    key: 'kind',
    label: 'Kind',
    value: (i) => i.kind ?? i.family,
    cell: (i) => h('td', null, h('span', { class: `dot fam-${i.family}`, 'aria-hidden': 'true' }), h('a', { href: incidentHref(i) }, kindLabel(i.kind ?? i.family))),
  },
  {
    key: 'where',
    label: 'Where',
    value: (i) => [i.location, i.country3].filter(Boolean).join(', '),
    cell: (i) =>
      h(
        'td',
        null,
        [i.location, i.country3].filter(Boolean).join(', ') || '—',
        i.location ? h('div', { class: 'hint' }, precisionLabel(i.precision)) : null,
        i.lat === null || i.lon === null ? h('div', { class: 'hint' }, 'no coordinates') : null,
      ),
  },
  {
    key: 'killed',
    label: 'Killed',
    value: (i) => i.fatalities ?? -1,
    numeric: true,
    cell: (i) =>
      h(
        'td',
        { class: `num${i.outlier ? ' outlier' : ''}` },
        fmtNumber(i.fatalities),
        i.outlier && i.fatalitiesReported ? h('div', { class: 'hint' }, `⚠ reports: ${fmtNumber(i.fatalitiesReported[0])}–${fmtNumber(i.fatalitiesReported[1])}`) : null,
      ),
  },
  { key: 'reports', label: 'Reports', value: (i) => i.events, numeric: true, cell: (i) => h('td', { class: 'num' }, `${i.events} (${i.outlets} outlet${i.outlets === 1 ? '' : 's'})`) },
  { key: 'sources', label: 'Sources', value: (i) => i.corroboration, numeric: true, cell: (i) => h('td', { class: 'num' }, `${i.corroboration}${i.grade ? ` (${i.grade})` : ''}`) },
];

export async function incidentsPage(view) {
  const f = currentFilter();
  const data = await loadOrExplain(view, '/incidents', () => Promise.all([globalFacets(), get('/api/incidents', withFilter({ limit: 200 }, f)), timelineFor('/incidents', f)]));
  if (!data) return;
  const [all, page, tl] = data;
  const t = sortableTable('events incidents', INCIDENT_COLUMNS, page, (cursor) => get('/api/incidents', withFilter({ limit: 200, cursor }, f)));
  mount(
    view,
    h('h1', { class: 'visually-hidden' }, 'Table of incidents'),
    filterBar('/incidents', all),
    activeFilters('/incidents'),
    tl,
    h(
      'div',
      { class: 'table-wrap' },
      h('div', { class: 'table-bar' }, h('p', { class: 'count' }, `${fmtNumber(t.rows.length)} incident${t.rows.length === 1 ? '' : 's'} shown${page.next ? '; more match' : ''}.`), downloadMenu(f)),
      t.rows.length ? t.table : h('p', null, 'Nothing matches this filter.'),
      t.more,
    ),
  );
}
