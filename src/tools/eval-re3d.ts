// Scores the entities stage on re3d (Dstl; CoNLL IOB2, as redistributed with ConfliBERT):
//   node dist/tools/eval-re3d.js [file.conll] [--errors N]
// Default file: ../shared/data/re3d/dev.conll beside the repository. Each sentence is rebuilt as
// text, run through the tokens and entities stages, and scored on exact spans per type.
// re3d also marks pronouns and common nouns ("he", "the city", "tanks") as entities; sitrep
// reports names only, so its recall here has a ceiling well below 1. re3d spans also keep their
// determiners and titles ("the UN", "Foreign Secretary Boris Johnson"), which sitrep's never do
// (the title is the person's role): the "trim" columns also accept a prediction equal to the gold
// span less leading determiners, possessive pronouns and titles (data/entities/titles.tsv). The
// lenient column counts overlapping spans of the same type, to tell boundary disagreements from
// misses. Exact spans are the headline figure.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { devSetArgs } from './dev-set.js';
import { Doc } from '../doc.js';
import { tokens } from '../stages/tokens/index.js';
import { entities } from '../stages/entities/index.js';
import { getLexicon } from '../stages/entities/lexicon.js';

const TYPES = ['Person', 'Organisation', 'Location', 'Nationality', 'Equipment'] as const;
type Type = (typeof TYPES)[number];
const GOLD: Record<string, Type> = {
  Person: 'Person',
  Organisation: 'Organisation',
  Location: 'Location',
  Nationality: 'Nationality',
  Weapon: 'Equipment',
  MilitaryPlatform: 'Equipment',
};
const OURS: Record<string, Type> = {
  PERSON: 'Person',
  ORG: 'Organisation',
  GPE: 'Location',
  LOC: 'Location',
  FAC: 'Location',
  NORP: 'Nationality',
  EQUIPMENT: 'Equipment',
};

export interface Span {
  start: number;
  end: number;
  type: Type;
  /** start after leading determiners and titles, when there are any */
  bare?: number;
}

const DETERMINER = /^(the|a|an|this|these|that|those|its|our|their|his|her|my|your)$/i;

/** Offset, within a span's text, of the first word after its determiners and titles. */
function trimmed(text: string): number {
  const titles = getLexicon().titles;
  const words = [...text.matchAll(/\S+/g)];
  let i = 0;
  for (;;) {
    if (i < words.length - 1 && DETERMINER.test(words[i][0])) {
      i++;
      continue;
    }
    let n = 0;
    for (let m = Math.min(4, words.length - 1 - i); m >= 1 && !n; m--) {
      if (titles.has(words.slice(i, i + m).map((w) => w[0].toLowerCase()).join(' '))) n = m;
    }
    if (!n) break;
    i += n;
  }
  return i ? words[i].index! : 0;
}

export interface Sentence {
  text: string;
  gold: Span[];
}

/** Rebuilds running text from CoNLL tokens, undoing the spaces the conversion put around
 * punctuation, hyphens and apostrophes ("al - Karbouly" → "al-Karbouly"). */
export function rebuild(words: string[], tags: string[]): Sentence {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let quoteOpen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1] ?? '';
    const next = words[i + 1] ?? '';
    let space = i > 0;
    if (/^[,.;:!?)\]%]$|^['’]s$|^n['’]t$/.test(w)) space = false;
    if (prev === '(' || prev === '[' || prev === '$') space = false;
    if (w === '"') {
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    } else if (prev === '"' && quoteOpen) space = false;
    const wordy = (s: string) => /[\p{L}\p{N}.]$/u.test(s);
    if ((w === '-' || w === "'" || w === '’') && wordy(prev) && /^[\p{L}\p{N}]/u.test(next)) space = false;
    if ((prev === '-' || prev === "'" || prev === '’') && i > 1 && wordy(words[i - 2]) && /^[\p{L}\p{N}]/u.test(w)) space = false;
    if (space) text += ' ';
    starts.push(text.length);
    text += w;
    ends.push(text.length);
  }
  const gold: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i].startsWith('B-')) continue;
    const label = tags[i].slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${label}`) j++;
    const type = GOLD[label];
    if (!type) continue;
    const span: Span = { start: starts[i], end: ends[j - 1], type };
    const cut = trimmed(text.slice(span.start, span.end));
    if (cut) span.bare = span.start + cut;
    gold.push(span);
  }
  return { text, gold };
}

function read(file: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) out.push(rebuild(words, tags));
    words = [];
    tags = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const cut = line.lastIndexOf('\t') >= 0 ? line.lastIndexOf('\t') : line.lastIndexOf(' ');
    words.push(line.slice(0, cut));
    tags.push(line.slice(cut + 1).trim());
  }
  flush();
  return out;
}

function main() {
  const set = devSetArgs('eval-re3d', 're3d', 're3d/dev.conll');
  if (!set) return;
  const { file, errors } = set;
  const sentences = read(file);
  const stats = new Map<Type, { gold: number; pred: number; tp: number; tpDet: number; lenient: number }>();
  for (const t of TYPES) stats.set(t, { gold: 0, pred: 0, tp: 0, tpDet: 0, lenient: 0 });
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const s of sentences) {
    const doc = new Doc(s.text);
    tokens.run(doc);
    entities.run(doc);
    const pred: Span[] = [];
    for (const e of doc.entities) for (const m of e.mentions) pred.push({ start: m.start, end: m.end, type: OURS[e.type] });
    // IOB tags one name per token: a mention inside a longer one ("Gaza" in "Gaza Health Ministry")
    // cannot be in the gold, and is left out
    const inside = (p: Span) => pred.some((q) => q !== p && q.start <= p.start && q.end >= p.end && q.end - q.start > p.end - p.start);
    for (let i = pred.length - 1; i >= 0; i--) if (inside(pred[i])) pred.splice(i, 1);
    const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end && a.type === b.type;
    const sameDet = (p: Span, g: Span) => same(p, g) || (p.start === g.bare && p.end === g.end && p.type === g.type);
    const overlap = (a: Span, b: Span) => a.type === b.type && a.start < b.end && b.start < a.end;
    for (const g of s.gold) {
      const st = stats.get(g.type)!;
      st.gold++;
      if (pred.some((p) => sameDet(p, g))) st.tpDet++;
      if (pred.some((p) => same(p, g))) st.tp++;
      else if (misses.length < errors) misses.push(`${g.type}\t${s.text.slice(g.start, g.end)}\t| ${s.text}`);
      if (pred.some((p) => overlap(p, g))) st.lenient++;
    }
    for (const p of pred) {
      stats.get(p.type)!.pred++;
      if (!s.gold.some((g) => same(p, g)) && wrong.length < errors) {
        const near = s.gold.find((g) => g.start < p.end && p.start < g.end);
        wrong.push(`${p.type}\t${s.text.slice(p.start, p.end)}\t(gold: ${near ? `${near.type} "${s.text.slice(near.start, near.end)}"` : 'none'}) | ${s.text}`);
      }
    }
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  console.log(`re3d ${file}: ${sentences.length} sentences`);
  console.log('type          gold  pred    tp     P     R    F1 | P-trim R-trim F1-trim | lenient R');
  let macro = 0;
  let macroDet = 0;
  for (const t of TYPES) {
    const st = stats.get(t)!;
    const p = st.pred ? st.tp / st.pred : 0;
    const r = st.gold ? st.tp / st.gold : 0;
    const pd = st.pred ? st.tpDet / st.pred : 0;
    const rd = st.gold ? st.tpDet / st.gold : 0;
    macro += f1(p, r);
    macroDet += f1(pd, rd);
    console.log(
      `${t.padEnd(12)} ${String(st.gold).padStart(5)} ${String(st.pred).padStart(5)} ${String(st.tp).padStart(5)} ${pct(p)} ${pct(r)} ${pct(f1(p, r))} |` +
        `  ${pct(pd)}  ${pct(rd)}   ${pct(f1(pd, rd))} | ${pct(st.gold ? st.lenient / st.gold : 0)}`,
    );
  }
  console.log(`macro F1 (exact spans, ${TYPES.length} types): ${pct(macro / TYPES.length)}; gold less determiners and titles: ${pct(macroDet / TYPES.length)}`);
  console.log('published macro F1 over all re3d types (ConfliBERT, NAACL 2022): BERT 63.4, ConfliBERT 66.4');
  if (errors) {
    console.log('\nmissed (gold not predicted exactly):');
    for (const m of misses) console.log('  ' + m);
    console.log('\nwrong (predicted, not in gold exactly):');
    for (const w of wrong) console.log('  ' + w);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
