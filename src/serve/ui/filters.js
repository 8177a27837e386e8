// The filter: kept in the page's address (#/map?country=SYR&kind=air_strike), so a view can be
// bookmarked and shared; the filter bar edits it.
import { get } from './api.js';
import { FAMILIES, h, kindLabel } from './dom.js';

/**
 * The filter's parameters, as the server's OpenAPI document lists them (one list for the CLI, the
 * API and this page: src/query/filter.ts): name → description. Loaded once, before the first page.
 */
export const FILTER_KEYS = [];
const DESCRIPTIONS = new Map();

export async function loadFilterParams() {
  if (FILTER_KEYS.length) return;
  const doc = await get('/openapi.json');
  for (const p of doc.paths['/api/facets'].get.parameters) {
    FILTER_KEYS.push(p.name);
    DESCRIPTIONS.set(p.name, p.description);
  }
}

/** What a filter parameter means, for a field's tooltip. */
export function describe(name) {
  return DESCRIPTIONS.get(name) ?? null;
}

export function route() {
  const raw = location.hash.replace(/^#/, '') || '/map';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

/** The filter part of the current address, as URLSearchParams. */
export function currentFilter() {
  const { params } = route();
  const f = new URLSearchParams();
  for (const [k, v] of params) if (FILTER_KEYS.includes(k) && v) f.append(k, v);
  return f;
}

export function go(path, params) {
  const s = params ? params.toString() : '';
  location.hash = s ? `${path}?${s}` : path;
}

/** The same filter with some keys set (a value of null removes the key). */
export function withFilter(changes, base = currentFilter()) {
  const f = new URLSearchParams(base);
  for (const [k, v] of Object.entries(changes)) {
    f.delete(k);
    if (v !== null && v !== undefined && v !== '') f.set(k, v);
  }
  return f;
}

let allFacets = null;
/** Facets of the whole store: the choices the filter bar offers. */
export function globalFacets() {
  allFacets ??= get('/api/facets').catch((e) => {
    allFacets = null;
    throw e;
  });
  return allFacets;
}

function select(name, label, options, value, invalid) {
  const values = new Set(options.map((o) => o.value));
  // A value typed into the address but absent from the options still shows as chosen.
  if (value && !values.has(value)) options = [...options, { value, label: value }];
  return h(
    'label',
    { class: 'field' },
    h('span', null, label),
    h('select', { name, 'aria-label': label, title: describe(name), 'aria-invalid': invalid === name ? 'true' : null }, h('option', { value: '' }, 'any'), options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))),
  );
}

function input(name, label, value, props = {}, invalid = null) {
  return h('label', { class: 'field' }, h('span', null, label), h('input', { name, value: value ?? '', 'aria-label': label, title: describe(name), 'aria-invalid': invalid === name ? 'true' : null, ...props }));
}

/** The filter parameter a server message is about ("from: not a date …" → "from"), or null. */
export function paramOf(message) {
  const m = /^([a-z_]+): /.exec(message ?? '');
  return m && FILTER_KEYS.includes(m[1]) ? m[1] : null;
}

/** Remembered across pages: once opened (or closed), the filter form stays so. */
let filtersOpen = null;

/**
 * The filter bar for a page at `path`; applying it changes the address. `error`: the server's
 * message about the current filter (the one the CLI would print), shown above the form with the
 * field it names marked.
 */
export function filterBar(path, facets, error = null) {
  const f = currentFilter();
  const bad = error ? paramOf(error) : null;
  const countries = facets.country.map((c) => ({ value: c.value, label: `${c.label} (${c.count})` })).sort((a, b) => (a.label < b.label ? -1 : 1));
  const kinds = [
    ...facets.family.map((c) => ({ value: c.value, label: `${FAMILIES[c.value]?.label ?? kindLabel(c.value)} — all (${c.count})` })),
    ...facets.kind.map((c) => ({ value: c.value, label: `${kindLabel(c.value)} (${c.count})` })),
  ];
  const outlets = facets.outlet.map((c) => ({ value: c.value, label: `${c.label} (${c.count})` }));
  const corroboration = [2, 3, 4].map((n) => ({ value: String(n), label: `${n}+ sources` }));
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    select('country', 'Country', countries, f.get('country'), bad),
    select('kind', 'Kind', kinds, f.get('kind'), bad),
    // Text, not a date picker: what the address says is shown as it is, even when it is no date.
    input('from', 'From', f.get('from'), { placeholder: 'YYYY-MM-DD', inputmode: 'numeric', size: 10 }, bad),
    input('to', 'To', f.get('to'), { placeholder: 'YYYY-MM-DD', inputmode: 'numeric', size: 10 }, bad),
    input('q', 'Search', f.get('q'), { type: 'search', placeholder: 'words, "a phrase", prefix*' }, bad),
    input('actor', 'Actor', f.get('actor'), { list: 'actor-options', placeholder: 'name or country code' }, bad),
    h('datalist', { id: 'actor-options' }, facets.actor.map((a) => h('option', { value: a.value }, a.label))),
    select('outlet', 'Outlet', outlets, f.get('outlet'), bad),
    select('min_corroboration', 'Corroboration', corroboration, f.get('min_corroboration'), bad),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Apply'), h('button', { type: 'button', class: 'secondary', onclick: () => go(path) }, 'Clear')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (FILTER_KEYS.includes(k) && String(v).trim()) next.set(k, String(v).trim());
    if (f.get('bbox')) next.set('bbox', f.get('bbox'));
    go(path, next);
  });
  // Choosing from a list applies at once; typed fields wait for Enter or Apply.
  form.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement) form.requestSubmit();
  });
  // Folded until opened (then kept open from page to page): open, its dozen fields would stand
  // between the keyboard and the map; the chips say what is filtered. Open when the filter is wrong.
  const n = [...f.keys()].length;
  const box = h(
    'details',
    { class: 'filter-box', open: !!bad || (filtersOpen ?? false) },
    h('summary', null, n ? `Filters (${n})` : 'Filters'),
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
    form,
  );
  box.addEventListener('toggle', () => (filtersOpen = box.open));
  return box;
}

/** Wide enough for side panels and open filter forms. */
export function wide() {
  return window.matchMedia('(min-width: 761px)').matches;
}

/** The chips that say what is filtered, each removable. */
export function activeFilters(path) {
  const f = currentFilter();
  const chips = [...f.entries()].map(([k, v]) =>
    h('a', { class: 'chip', href: `#${path}?${withFilter({ [k]: null }, f)}`, title: `remove ${k}` }, `${k.replace('_', ' ')}: ${v} ×`),
  );
  return chips.length ? h('div', { class: 'chips' }, chips) : null;
}

const DOWNLOADS = [
  ['events', 'csv', 'Events — CSV (ACLED columns, claims)'],
  ['events', 'geojson', 'Events — GeoJSON'],
  ['events', 'ndjson', 'Events — NDJSON'],
  ['incidents', 'csv', 'Incidents — CSV'],
  ['incidents', 'geojson', 'Incidents — GeoJSON'],
];

/**
 * Every match of the current filter as a file: the API's exports (/api/events.csv?…), the same
 * bytes as `sitrep events --format csv` with the same options.
 */
export function downloadMenu(f = currentFilter()) {
  const q = f.toString();
  return h(
    'details',
    { class: 'download' },
    h('summary', null, 'Download'),
    h(
      'ul',
      null,
      DOWNLOADS.map(([what, format, label]) => h('li', null, h('a', { href: `/api/${what}.${format}${q ? `?${q}` : ''}`, download: `sitrep-${what}.${format}` }, label))),
    ),
    h('p', { class: 'hint' }, 'Everything that matches the filter, not only what is shown.'),
  );
}
