// The dateline: where (and often when, and through which agency) a report was filed, written
// before the first sentence: "TEHRAN-", "DAMASCUS, April 4 (Reuters) -", "KYIV, Ukraine (AP) —",
// "Moscow, 12 March (TASS) –", "ISLAMABAD: ". Only the very start of the article is read (or the
// first paragraph after a title or byline line), and the form must be a dateline's:
//   an ALL-CAPS place, optionally with region/date/agency, then a dash or colon and a space; or
//   a Title Case place only when a date or an agency confirms it ("Iran - the country …" is prose).
import type { Doc, Stage } from '../../doc.js';
import { data } from '../../data/index.js';
import { monthNames, weekdayNames } from '../../data/time.js';

interface Words {
  particle: string[];
  label: Set<string>;
}

let res: { caps: RegExp; title: RegExp; paren: RegExp; label: Set<string>; weekday: Set<string> } | null = null;

function words(): Words {
  const rows = new Map(data('normalise/dateline.tsv').map(({ kind, words }) => [kind, words.split(' ').filter(Boolean)]));
  return {
    particle: rows.get('particle') ?? [],
    label: new Set(rows.get('label') ?? []),
  };
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const alt = (ws: string[]) => ws.sort((a, b) => b.length - a.length).join('|');

function build() {
  const w = words();
  // Months and weekdays as written in datelines: "April", "Apr.", "APRIL".
  const month = `(?:${alt(monthNames().flatMap((m) => [cap(m), m.toUpperCase()]))})\\.?`;
  const weekday = `(?:${alt(weekdayNames().flatMap((d) => [cap(d), d.toUpperCase()]))})\\.?`;
  const day = '\\d{1,2}(?:st|nd|rd|th)?';
  const date = `(?<date>,?\\s+(?:${day}\\s+${month}|${month}\\s+${day}|${weekday})(?:,?\\s+\\d{4})?(?:\\.(?=\\s*/))?)`;
  const P = `(?:${alt(w.particle)})`;
  const CW = "\\p{Lu}[\\p{Lu}\\p{M}'’.]*";
  const TW = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}'’]+)*";
  const caps = `${CW}(?:(?:[ -]|[ -]${P}[ -])${CW}){0,3}`;
  const title = `${TW}(?:(?: ${P} | ${P}-| )${TW}){0,3}`;
  // US-style state abbreviations after the city: "Fla.", "W.Va.", "N.D.".
  const abbr = '\\p{Lu}\\p{Ll}{0,3}\\.(?:\\p{Lu}\\p{Ll}{0,3}\\.)*';
  const region = `(?<region>,\\s+(?!(?:${month}|${weekday})(?![\\p{L}]))(?:${caps}|${title}\\.?|${abbr})(?=[,\\s(\\[:–—-])|\\s*\\[${title}\\])`;
  // An agency in brackets or slashes, or an all-caps agency set off by a comma after the date
  // ("Riyadh, April 06, 2021, KPS --"): the date before it confirms the form.
  const agency = `(?<agency>\\s*(?:\\(\\s*\\p{L}[\\p{L}\\p{N} .&'’/-]{0,40}\\)|\\[\\s*\\p{L}[\\p{L}\\p{N} .&'’/-]{0,40}\\]|/\\p{L}[\\p{L} ]{1,30}/)|(?<=\\d),\\s+\\p{Lu}{2,8}(?=\\s*(?:--|[-–—])))`;
  // The separator must be followed by a space (or a long dash by the text), so "US-made" is no
// dateline; TASS ends its "/TASS/" with a full stop instead.
  const sep = `(?<sep>\\s*(?:--|[-–—])(?=\\s)|\\s*[–—](?=[\\p{Lu}"“‘'])|\\s*:(?=\\s)|(?<=[/)])\\.(?=\\s))`;
  const tail = `${region}?${date}?${agency}?${sep}`;
  return {
    caps: new RegExp(`^(?<place>${caps})${tail}`, 'u'),
    // Rights groups' style: "(Nairobi) – The Rapid Support Forces …"
    paren: new RegExp(`^\\((?<place>${title}|${caps})\\)\\s*(?:--|[-–—])\\s`, 'u'),
    title: new RegExp(`^(?<place>${title})${tail}`, 'u'),
    label: w.label,
    weekday: new Set(weekdayNames().map((d) => d.toLowerCase())),
  };
}

/** Paragraphs before the dateline that may be a title, byline or date line. */
const MAX_HEADER_LINES = 3;
/** A dateline opens a paragraph of prose: at least this many words follow it. */
const MIN_WORDS_AFTER = 4;
/** A headline run into the first paragraph has at most this many words. */
const MAX_HEADLINE_WORDS = 20;
const LOOK = 240;

export interface DatelineMatch {
  /** offsets relative to the string given */
  place: [number, number];
  span: [number, number];
  date: string | null;
  agency: string | null;
  /** an ALL-CAPS place (the strongest form), not a Title Case or bracketed one */
  caps: boolean;
}

/** A dateline at the very start of `s`, or null. */
export function matchDateline(s: string): DatelineMatch | null {
  res ??= build();
  const head = s.length > LOOK ? s.slice(0, LOOK) : s;
  const p = res.paren.exec(head);
  if (p?.groups && (s.slice(p[0].length).match(/\S+/g) ?? []).length >= MIN_WORDS_AFTER)
    return { place: [1, 1 + p.groups.place.length], span: [0, p[0].length], date: null, agency: null, caps: false };
  for (const [re, isCaps] of [
    [res.caps, true],
    [res.title, false],
  ] as const) {
    const m = re.exec(head);
    if (!m?.groups) continue;
    const g = m.groups;
    const place = g.place;
    // A full stop closes a dateline only after a date and an agency ("KHARKIV, May 3 (UNNS). "):
    // "By Jane Smith (Reuters). " is a byline.
    if (g.sep === '.' && !(g.date && g.agency)) continue;
    // "On Monday, March 3, …" opens a sentence: a day of the week names no place.
    if (place.split(/[ -]/).some((w) => res!.weekday.has(w.toLowerCase()))) continue;
    if (isCaps) {
      if ((place.match(/\p{L}/gu) ?? []).length < 3) continue;
      if (place.split(/[ -]/).some((w) => res!.label.has(w.replace(/[.'’]/g, '')))) continue;
    } else if (!g.date && !g.agency && !g.region?.includes('[') && !/^,\s+\p{Lu}{2,8}$/u.test(g.region ?? '')) continue;
    const rest = s.slice(m[0].length);
    if ((rest.match(/\S+/g) ?? []).length < MIN_WORDS_AFTER || !/^\s*[\p{L}\p{N}"“‘'(]/u.test(rest)) continue;
    return {
      place: [0, place.length],
      span: [0, m[0].length],
      date: g.date ? g.date.replace(/^,?\s+/, '').replace(g.agency?.trim().startsWith('/') ? /(?<=\d)\.$/ : /$^/, '') : null,
      agency: g.agency ? g.agency.trim().replace(/^[,(\[/]\s*|\s*[)\]/]$/g, '') : null,
      caps: isCaps,
    };
  }
  return null;
}

/** A dateline after a headline run into the same paragraph ("Fire guts mill. MANSFIELD — The …"),
 * as when a title and body are joined: only the all-caps form, which prose does not take. */
function afterHeadline(text: string): DatelineMatch | null {
  const end = /[.!?]["”’]?\s+(?=\p{Lu})/u.exec(text);
  const headline = end ? text.slice(0, end.index) : '';
  // In text set all in capitals every sentence opens in capitals: the form says nothing there.
  if (!end || (headline.match(/\S+/g) ?? []).length > MAX_HEADLINE_WORDS || !/\p{Ll}/u.test(headline)) return null;
  const at = end.index + end[0].length;
  const m = matchDateline(text.slice(at));
  if (!m?.caps) return null;
  const shift = ([a, b]: [number, number]): [number, number] => [a + at, b + at];
  return { ...m, place: shift(m.place), span: shift(m.span) };
}

/** A title, byline or date line: short and not ending like a sentence. */
function headerLine(s: string): boolean {
  return (s.match(/\S+/g) ?? []).length <= 20 && !/\.["”’)]?$/.test(s);
}

export const dateline: Stage = {
  name: 'dateline',
  reads: ['text', 'paragraphs', 'tokens'],
  writes: ['dateline'],
  adds: '"TEHRAN-", "DAMASCUS, April 4 (Reuters) -"',
  run(doc: Doc) {
    doc.dateline = null;
    if (!doc.tokens.length) return;
    const paras = doc.paragraphs.length ? doc.paragraphs : [{ start: 0, end: doc.text.length }];
    for (let k = 0; k < paras.length && k <= MAX_HEADER_LINES; k++) {
      const p = paras[k];
      const text = doc.text.slice(p.start, Math.min(p.end, p.start + LOOK * 2));
      const m = matchDateline(text) ?? afterHeadline(text);
      if (m) {
        const first = doc.tokenAt(p.start + m.place[0]);
        let last = first;
        while (last < doc.tokens.length && doc.tokens[last].start < p.start + m.place[1]) last++;
        if (last <= first) return;
        doc.dateline = { mention: doc.mention(first, last), span: doc.span(p.start + m.span[0], p.start + m.span[1]) };
        return;
      }
      if (!headerLine(doc.text.slice(p.start, p.end))) return;
    }
  },
};
