// The filter: kept in the page's address (#/map?country=SYR&kind=air_strike), so a view can be
// bookmarked and shared; the filter bar edits it.
import { get } from './api.js';
import { FAMILIES, h, kindLabel } from './dom.js';

export const FILTER_KEYS = ['country', 'kind', 'from', 'to', 'q', 'actor', 'outlet', 'min_corroboration', 'bbox'];

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

function select(name, label, options, value) {
  const values = new Set(options.map((o) => o.value));
  // A value typed into the address but absent from the options still shows as chosen.
  if (value && !values.has(value)) options = [...options, { value, label: value }];
  return h(
    'label',
    { class: 'field' },
    h('span', null, label),
    h('select', { name, 'aria-label': label }, h('option', { value: '' }, 'any'), options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))),
  );
}

function input(name, label, value, props = {}) {
  return h('label', { class: 'field' }, h('span', null, label), h('input', { name, value: value ?? '', 'aria-label': label, ...props }));
}

/** The filter bar for a page at `path`; applying it changes the address. */
export function filterBar(path, facets) {
  const f = currentFilter();
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
    select('country', 'Country', countries, f.get('country')),
    select('kind', 'Kind', kinds, f.get('kind')),
    input('from', 'From', f.get('from'), { type: 'date' }),
    input('to', 'To', f.get('to'), { type: 'date' }),
    input('q', 'Search', f.get('q'), { type: 'search', placeholder: 'words in the evidence' }),
    input('actor', 'Actor', f.get('actor'), { list: 'actor-options', placeholder: 'name or country code' }),
    h('datalist', { id: 'actor-options' }, facets.actor.map((a) => h('option', { value: a.value }, a.label))),
    select('outlet', 'Outlet', outlets, f.get('outlet')),
    select('min_corroboration', 'Corroboration', corroboration, f.get('min_corroboration')),
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
  // Folded on a phone, where it would fill the first screen; the chips say what is filtered.
  const n = [...f.keys()].length;
  return h('details', { class: 'filter-box', open: wide() }, h('summary', null, n ? `Filters (${n})` : 'Filters'), form);
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
