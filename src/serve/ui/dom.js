// Building the page: every node through h() / svg(), text always as text nodes (never innerHTML),
// so whatever an article says is shown, not run.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Only links within this site or to http(s) pages: an article's URL could be "javascript:…". */
export function safeHref(href) {
  const s = String(href ?? '');
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) {
      if (typeof v === 'function') el.addEventListener(k.slice(2), v); // never an inline handler string
    }
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c)); // a string becomes a text node
  }
}

/** An HTML element: h('a', {href: '#/x', class: 'y'}, 'text', child, …). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** An SVG element, the same way. */
export function svg(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

/** Replaces the children of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function kindLabel(kind) {
  if (!kind) return 'unknown';
  const s = String(kind).replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const FAMILIES = {
  battle: { label: 'Battles', color: '#c62828' },
  remote_violence: { label: 'Explosions / remote violence', color: '#ef6c00' },
  civilian_targeting: { label: 'Violence against civilians', color: '#6a1b9a' },
  demonstration: { label: 'Protests and riots', color: '#2e7d32' },
  strategic: { label: 'Strategic developments', color: '#1565c0' },
  material_cooperation: { label: 'Material cooperation', color: '#6d4c41' },
  diplomatic: { label: 'Diplomacy', color: '#00838f' },
  verbal: { label: 'Statements', color: '#616161' },
};

export function familyColor(family) {
  return FAMILIES[family]?.color ?? '#616161';
}

export function fmtNumber(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en');
}

/** "2023-04-05" or "2023-04-04 – 2023-04-05". */
export function fmtRange(a, b) {
  if (!a && !b) return 'date unknown';
  if (!b || a === b) return a ?? b;
  return `${a} – ${b}`;
}

/** claimant → via → outlet, as the claim chain reads. */
export function claimChain(c) {
  const parts = [c.claimant ?? null, ...(c.via ?? []), c.outlet ?? null].filter(Boolean);
  return parts.length ? parts.join(' → ') : 'unattributed';
}
