// The single page: a router over the address's #fragment, one view function per page.
import { articlePage, eventPage, incidentPage } from './details.js';
import { h, mount } from './dom.js';
import { loadFilterParams, route } from './filters.js';
import { incidentsPage, mapPage, tablePage } from './lists.js';
import { pastePage } from './paste.js';

const view = document.getElementById('view');

// Ids are opaque (whatever the store gives): any text up to the next "/".
const ID = '([^/?#]+)';
const ROUTES = [
  [/^\/(map)?$/, () => mapPage(view), 'map'],
  [/^\/table$/, () => tablePage(view), 'table'],
  [/^\/incidents$/, () => incidentsPage(view), 'incidents'],
  [new RegExp(`^/event/${ID}$`), (m) => eventPage(view, decodeURIComponent(m[1])), 'table'],
  [new RegExp(`^/incident/${ID}$`), (m) => incidentPage(view, decodeURIComponent(m[1])), 'incidents'],
  [new RegExp(`^/article/${ID}$`), (m) => articlePage(view, decodeURIComponent(m[1])), 'table'],
  [/^\/paste$/, () => pastePage(view), 'paste'],
];

let seq = 0;

async function show() {
  const n = ++seq;
  const { path } = route();
  const found = ROUTES.map(([re, fn, tab]) => [path.match(re), fn, tab]).find(([m]) => m);
  for (const a of document.querySelectorAll('nav.tabs a')) a.toggleAttribute('aria-current', a.dataset.tab === found?.[2]);
  document.body.dataset.page = found?.[2] ?? 'none';
  if (!found) return mount(view, h('p', { class: 'error' }, `No such page: ${path}`));
  view.setAttribute('aria-busy', 'true');
  try {
    await found[1](found[0]);
    if (n === seq) window.scrollTo(0, 0);
  } catch (e) {
    if (n === seq) mount(view, h('p', { class: 'error', role: 'alert' }, e.status === 404 ? 'Not found.' : `Could not load this page: ${e.message}`));
  } finally {
    if (n === seq) view.removeAttribute('aria-busy');
  }
}

window.addEventListener('hashchange', show);
// The filter's parameters come from the server (the list the CLI and the API share), first.
loadFilterParams()
  .then(show)
  .catch((e) => mount(view, h('p', { class: 'error', role: 'alert' }, `Could not reach the server: ${e.message}`)));
