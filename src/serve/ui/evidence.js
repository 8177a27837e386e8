// An article with its evidence marked: the text as it was read, with the spans of events,
// claims, figures, quotes, loaded language (framing), entities and places highlighted, and
// beside it the lists that explain them. Every mark is built from offsets into the text; the
// text itself is only ever inserted as text nodes.
import { claimChain, fmtNumber, h, kindLabel } from './dom.js';

/** Marks a reader can switch on and off, in drawing order (later ones are inner). */
export const LAYERS = [
  { key: 'event', label: 'Event evidence', on: true },
  { key: 'focus', label: 'This event', on: true },
  { key: 'figure', label: 'Figures', on: true },
  { key: 'quote', label: 'Quotes', on: true },
  { key: 'framing', label: 'Loaded language', on: true },
  { key: 'entity', label: 'Entities', on: false },
  { key: 'place', label: 'Places', on: true },
];

function describeEvent(e) {
  const who = [e.initiator?.name, e.target?.name].filter(Boolean).join(' → ');
  return `${kindLabel(e.kind)}${who ? `: ${who}` : ''}`;
}

/** The annotations of a contract document, each {start, end, layer, cls, note, ref}. */
export function annotations(doc, focusEventId) {
  const out = [];
  const add = (span, layer, cls, note, ref) => {
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start) out.push({ start: span.start, end: span.end, layer, cls, note, ref });
  };
  for (const e of doc.events ?? []) {
    const focus = e.id === focusEventId;
    for (const s of e.evidence) add(s, focus ? 'focus' : 'event', focus ? 'm-focus' : 'm-event', `event ${e.id}: ${describeEvent(e)}`, `ev-${e.id}`);
    for (const [k, f] of [
      ['killed', e.fatalities],
      ['injured', e.injuries],
    ])
      if (f) {
        const n = [f.total !== null ? `${f.total} ${k}` : null, f.civilians !== null ? `${f.civilians} civilians` : null, f.military !== null ? `${f.military} military` : null].filter(Boolean);
        add(f.evidence, 'figure', 'm-figure', `figure (event ${e.id}): ${n.join(', ') || k}`, `ev-${e.id}`);
      }
  }
  for (const q of doc.quotes ?? []) add(q.span, 'quote', 'm-quote', `quote${q.speaker ? ` — ${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ''}` : ' (speaker unknown)'}`, `q-${q.id}`);
  for (const f of doc.framing ?? []) add(f.span, 'framing', 'm-framing', `loaded language: “${f.term}” — ${f.gloss}`, `fr-${f.span.start}`);
  for (const en of doc.entities ?? []) for (const m of en.mentions) add(m, 'entity', `m-entity t-${en.type}`, `${en.type}: ${en.name}${en.role ? ` (${en.role})` : ''}`, `en-${en.id}`);
  for (const p of doc.places ?? []) for (const m of p.mentions) add(m, 'place', 'm-place', `place: ${p.name}${p.country ? `, ${p.country}` : ''}${p.lat !== null ? ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : ''}`, `pl-${p.id}`);
  return out;
}

/**
 * The text cut at every annotation boundary: each piece is a <span> carrying the classes and
 * notes of every annotation covering it, so overlapping marks (a quote inside an event's
 * sentence, a place inside a quote) all show.
 */
export function markedText(text, anns) {
  const order = new Map(LAYERS.map((l, i) => [l.key, i]));
  const sorted = [...anns].sort((a, b) => a.start - b.start || (order.get(a.layer) ?? 0) - (order.get(b.layer) ?? 0));
  const cuts = new Set([0, text.length]);
  for (const a of sorted) {
    cuts.add(Math.min(a.start, text.length));
    cuts.add(Math.min(a.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root = h('div', { class: 'article-text' });
  const firstOf = new Set();
  let open = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k];
    const e = points[k + 1];
    while (next < sorted.length && sorted[next].start <= s) open.push(sorted[next++]);
    open = open.filter((a) => a.end > s);
    const piece = text.slice(s, e);
    if (!open.length) {
      root.append(piece);
      continue;
    }
    const span = h('span', { class: ['mark', ...new Set(open.map((a) => a.cls))].join(' '), title: open.map((a) => a.note).join('\n') }, piece);
    span.dataset.refs = open.map((a) => a.ref).join(' ');
    for (const a of open)
      if (!firstOf.has(a.ref)) {
        firstOf.add(a.ref);
        if (!span.id) span.id = `at-${a.ref}`;
      }
    root.append(span);
  }
  return root;
}

/** Scrolls to the first mark of an annotation and flashes it. */
export function reveal(ref) {
  const el = document.getElementById(`at-${ref}`) ?? document.querySelector(`[data-refs~="${CSS.escape(ref)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1600);
}

function layerToggles(container, present) {
  return h(
    'div',
    { class: 'layers', role: 'group', 'aria-label': 'highlights' },
    LAYERS.filter((l) => present.has(l.key)).map((l) => {
      if (!l.on) container.classList.add(`hide-${l.key}`);
      return h(
        'label',
        { class: `toggle m-${l.key}` },
        h('input', { type: 'checkbox', checked: l.on, onchange: (e) => container.classList.toggle(`hide-${l.key}`, !e.target.checked) }),
        l.label,
      );
    }),
  );
}

export function stanceBadge(stance) {
  return h('span', { class: `stance s-${stance}` }, stance);
}

/** One claim: claimant → via → outlet, its stance, and the quote carrying it. */
export function claimLine(c, quotes) {
  const q = c.quote ? quotes.find((x) => x.id === c.quote) : null;
  return h(
    'li',
    { class: 'claim' },
    h('span', { class: 'chain' }, claimChain(c)),
    ' ',
    stanceBadge(c.stance),
    q ? h('blockquote', null, `“${q.text}”`) : null,
    h('button', { type: 'button', class: 'link', onclick: () => reveal(`ev-claim-${c.evidence.start}`) }, 'show in text'),
  );
}

function quoteList(doc) {
  if (!doc.quotes?.length) return null;
  return h(
    'section',
    { class: 'panel quotes' },
    h('h3', null, `Quotes (${doc.quotes.length})`),
    h(
      'ul',
      null,
      doc.quotes.map((q) =>
        h(
          'li',
          null,
          h('button', { type: 'button', class: 'link', onclick: () => reveal(`q-${q.id}`) }, `“${q.text}”`),
          h('div', { class: 'speaker' }, q.speaker ? ['— ', h('strong', null, q.speaker.name), q.speaker.role ? `, ${q.speaker.role}` : '', q.speaker.affiliation ? ` (${q.speaker.affiliation})` : ''] : '— speaker unknown', q.verb ? ` · ${q.verb}` : ''),
        ),
      ),
    ),
  );
}

function framingList(doc) {
  if (!doc.framing?.length) return null;
  return h(
    'section',
    { class: 'panel framing' },
    h('h3', null, `Loaded language (${doc.framing.length})`),
    h('p', { class: 'hint' }, 'Evaluative wording, reported as written; it never changes a fact.'),
    h(
      'ul',
      null,
      doc.framing.map((f) =>
        h('li', null, h('button', { type: 'button', class: 'link m-framing-text', onclick: () => reveal(`fr-${f.span.start}`) }, `“${f.span.text}”`), ' — ', h('span', { class: 'gloss' }, f.gloss)),
      ),
    ),
  );
}

function entityList(doc) {
  if (!doc.entities?.length) return null;
  return h(
    'details',
    { class: 'panel entities' },
    h('summary', null, `Entities (${doc.entities.length})`),
    h(
      'ul',
      null,
      doc.entities.map((e) =>
        h('li', null, h('button', { type: 'button', class: 'link', onclick: () => reveal(`en-${e.id}`) }, e.name), ` ${e.type}`, e.role ? ` · ${e.role}` : '', e.country ? ` · ${e.country}` : ''),
      ),
    ),
  );
}

/** A compact card for one contract event (pasted articles, article pages); `opts.href`: the stored event's page. */
export function eventCard(e, doc, opts = {}) {
  const place = e.location ? doc.places.find((p) => p.id === e.location.place) : null;
  const figure = (f, what) =>
    f ? h('div', null, `${what}: `, h('strong', null, fmtNumber(f.total)), f.civilians !== null ? ` (civilians ${f.civilians})` : '', f.military !== null ? ` (military ${f.military})` : '') : null;
  return h(
    'article',
    { class: `event-card fam-border-${opts.family ?? 'x'}`, id: `card-${e.id}` },
    h(
      'header',
      null,
      // A stored event opens its own page; one not stored (a pasted article) its evidence in the text.
      opts.href ? h('a', { href: opts.href }, kindLabel(e.kind)) : h('button', { type: 'button', class: 'link kind', onclick: () => reveal(`ev-${e.id}`) }, kindLabel(e.kind)),
      e.mode !== 'actual' ? h('span', { class: 'badge' }, e.mode) : null,
      e.historical ? h('span', { class: 'badge' }, 'background') : null,
    ),
    h('div', null, [e.initiator?.name ?? '?', e.target ? ` → ${e.target.name}` : ''].join('')),
    h('div', null, place ? `${e.location.relation} ${place.name}${place.country ? `, ${place.country}` : ''}` : 'place not stated', ' · ', e.time?.start ? (e.time.start === e.time.end ? e.time.start : `${e.time.start} – ${e.time.end}`) : 'date not stated'),
    figure(e.fatalities, 'Killed'),
    figure(e.injuries, 'Injured'),
    h('ul', { class: 'claims' }, e.claims.map((c) => claimLine(c, doc.quotes ?? []))),
    h('button', { type: 'button', class: 'link', onclick: () => reveal(`ev-${e.id}`) }, 'show evidence'),
  );
}

/**
 * The document view: toggles, the marked text, and the quote / framing / entity lists.
 * `focusEventId` (a document-local id like "ev2") is highlighted apart from other events.
 */
export function documentView(doc, text, focusEventId = null) {
  const anns = annotations(doc, focusEventId);
  // Claim evidence gets its own anchor, for "show in text".
  for (const e of doc.events ?? []) for (const c of e.claims) anns.push({ start: c.evidence.start, end: c.evidence.end, layer: 'event', cls: 'm-claim', note: `claim: ${claimChain(c)} (${c.stance})`, ref: `ev-claim-${c.evidence.start}` });
  const container = h('div', { class: 'document' });
  const body = markedText(text, anns);
  container.append(layerToggles(container, new Set(anns.map((a) => a.layer))), body);
  return h('div', { class: 'doc-layout' }, container, h('aside', { class: 'doc-side' }, quoteList(doc), framingList(doc), entityList(doc)));
}
