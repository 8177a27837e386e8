// Adversarial inputs of any size: the shapes a crawler meets that have made extraction slow
// (issue 15). Each generator is deterministic for a seed, so a slow case found once can be made
// again. Used by the linearity tests, `npm run fuzz` and `sitrep-adversarial` style profiling.
import { article, rng } from './corpus.js';

export type Shape = { name: string; html?: boolean; make: (bytes: number, seed?: number) => string };

/** Repeats pieces from `next` until the text reaches `bytes` UTF-16 units (cut at a piece). */
function fill(bytes: number, next: (k: number) => string, sep = ''): string {
  const parts: string[] = [];
  let n = 0;
  for (let k = 0; n < bytes; k++) {
    const p = next(k) + sep;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

const WORDS = ['the', 'army', 'said', 'village', 'Aleppo', 'fighters', 'killed', 'three', 'on', 'Monday', 'near', 'shelling', 'Hamas', 'Russian', 'forces', 'attacked'];

function word(r: () => number): string {
  return WORDS[Math.floor(r() * WORDS.length)];
}

export const SHAPES: Shape[] = [
  { name: 'al-chain', make: (b) => fill(b, () => 'Al-').replace(/-$/, '') + ' said.' },
  { name: 'capital-run', make: (b, s = 1) => { const r = rng(s); return fill(b, (k) => `${'ABCDEFGHIJKLMNOPRSTUVWYZ'[Math.floor(r() * 24)]}${word(r)} `) + 'said.'; } },
  { name: 'no-full-stop', make: (b, s = 1) => { const r = rng(s); return fill(b, () => word(r), ' '); } },
  { name: 'quoted-words', make: (b, s = 1) => { const r = rng(s); return fill(b, (k) => `"${word(r)}"`, ' '); } },
  { name: 'unclosed-quotes', make: (b, s = 1) => { const r = rng(s); return fill(b, (k) => `"${word(r)} ${word(r)}`, ' '); } },
  { name: 'short-lines', make: (b, s = 1) => { const r = rng(s); return fill(b, (k) => `${word(r)} ${k % 10}`, '\n'); } },
  { name: 'number-list', make: (b) => fill(b, (k) => String((k * 7919) % 100000), ', ') + ' were killed.' },
  { name: 'casualty-list', make: (b) => fill(b, (k) => `${(k % 90) + 2} killed`, ', ') + '.' },
  { name: 'emoji', make: (b) => fill(b, (k) => ['💥', '🇸🇾', '👨‍👩‍👧', '🔥 Gaza', '⚠️'][k % 5], ' ') },
  { name: 'rtl', make: (b) => fill(b, (k) => ['قتل ثلاثة أشخاص في حلب', 'צה"ל תקף בעזה', '\u202bغارة\u202c', 'الجيش السوري.'][k % 4], ' ') },
  { name: 'mixed-scripts', make: (b) => fill(b, (k) => ['Kharkiv Харків', 'Gaza غزة', 'Tel Aviv תל אביב', '北京 Beijing', 'Αθήνα', 'killed 3.'][k % 6], ' ') },
  { name: 'table-text', make: (b) => fill(b, (k) => `| ${['Aleppo', 'Idlib', 'Homs'][k % 3]} | ${k % 50} killed | ${k % 28 + 1} March 2024 |`, '\n') },
  { name: 'paragraph-spam', make: (b) => fill(b, (k) => `Item ${k}.`, '\n\n') },
  { name: 'news', make: (b, s = 1) => { const r = rng(s); return fill(b, () => article(r, 4000), '\n\n'); } },
  { name: 'html-paragraphs', html: true, make: (b) => '<html><body><article>' + fill(b, (k) => `<p>Shelling hit the village ${k % 100}.</p>`) + '</article></body></html>' },
];

export function shape(name: string): Shape {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`no adversarial shape "${name}" (have: ${SHAPES.map((x) => x.name).join(', ')})`);
  return s;
}
