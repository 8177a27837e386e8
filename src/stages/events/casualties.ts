// Casualty counts in a sentence: "killed two civilians", "three soldiers were wounded",
// "at least 12 people died", "killing 5 and injuring 11". Lexicons in data/events/casualties.yaml.
import type { Doc, Span } from '../../doc.js';
import { data } from '../../data/index.js';
import { readNumber } from './numbers.js';

const NUMBER_START = /^(\d|an?$|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|single|both|couple|pair)/;
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/;
const CONNECTORS = new Set(['and', ',', 'as', 'well', 'plus', 'including', 'among', 'them', 'along', 'with']);

type Category = 'civilians' | 'military' | 'unspecified';

let lex: { victim: Map<string, Category>; killed: Set<string>; injured: Set<string>; vague: Set<string>; phrases: string[][] } | null = null;

function lexicon() {
  if (lex) return lex;
  const raw = data('events/casualties.yaml');
  const victim = new Map<string, Category>();
  for (const c of ['civilians', 'military', 'unspecified'] as Category[]) for (const w of raw.victims[c]) victim.set(w.toLowerCase(), c);
  const single = (xs: string[]) => new Set(xs.filter((x) => !x.includes(' ')).map((x) => x.toLowerCase()));
  lex = {
    victim,
    killed: single(raw.killed),
    injured: single(raw.injured),
    vague: new Set(raw.vague),
    phrases: [...raw.killed, ...raw.injured].filter((x) => x.includes(' ')).map((x) => x.split(' ')),
  };
  return lex;
}

export interface Count {
  total: number | null;
  civilians: number | null;
  military: number | null;
  evidence: Span;
}

export interface Casualties {
  fatalities: Count | null;
  injuries: Count | null;
}

interface Hit {
  value: number | null; // null: a vague quantity ("several civilians")
  category: Category;
  kind: 'killed' | 'injured';
  subset: boolean; // "including 5 children": part of a count already given
  start: number;
  end: number;
}

/** Casualty counts stated in tokens [from, to) of the doc (usually one sentence). */
export function casualtiesIn(doc: Doc, from: number, to: number): Casualties {
  const L = lexicon();
  const toks = doc.tokens;
  const words = toks.slice(from, to).map((t) => t.text);
  const hits: Hit[] = [];
  const kindAt = (k: number): 'killed' | 'injured' | null => {
    const t = toks[k];
    if (L.killed.has(t.lower) || L.killed.has(t.lemma)) return 'killed';
    if (L.injured.has(t.lower) || L.injured.has(t.lemma)) return 'injured';
    return null;
  };
  let lastHit: { kind: 'killed' | 'injured'; endToken: number } | null = null;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    const vague = L.vague.has(t.lower);
    // Most tokens are no number: only digits, number words and "a"/"an" are read.
    if (!vague && t.pos !== 'NUM' && !NUMBER_START.test(t.lower)) continue;
    let n = readNumber(words, i - from);
    // "A soldier was killed", "one civilian died": one, when a singular victim follows.
    // ("a civilian defence militia" is no civilian: the victim word must head its phrase.)
    if (!n && (t.lower === 'a' || t.lower === 'an') && L.victim.has(toks[i + 1]?.lower ?? '') && !toks[i + 1].lower.endsWith('s') && toks[i + 1].pos === 'NOUN' && !['NOUN', 'PROPN'].includes(toks[i + 2]?.pos ?? ''))
      n = { value: 1, used: 1 };
    if (!n && !vague) continue;
    // Not a count: years, distances, times ("in 2020", "300 km", "at 5 pm").
    if (n && t.pos !== 'NUM' && !/^[a-z]/i.test(t.text)) continue;
    const used = n ? n.used : 1;
    // A day of the month ("on 18 April", "April 18") or a clock time is not a count.
    if (n && (MONTH.test(toks[i + used]?.lower ?? '') || MONTH.test(toks[i - 1]?.lower ?? '') || toks[i + used]?.text === ':')) continue;
    let j = i + used;
    // The victim noun: within four tokens, past modifiers ("two Iranian military advisers").
    let category: Category | null = null;
    let nounEnd = j;
    for (let k = j; k < Math.min(to, j + 4); k++) {
      const c = L.victim.get(toks[k].lower);
      if (c) {
        category = c;
        nounEnd = k + 1;
        break;
      }
      if (!['ADJ', 'NOUN', 'PROPN', 'ADV', 'NUM'].includes(toks[k].pos) || toks[k].text === ',') break;
    }
    // The casualty word: just before the count ("killed two", "killing at least 5", "death toll
    // rose to 12") or just after the victims ("two civilians were killed", "12 dead").
    let kind: 'killed' | 'injured' | null = null;
    // "Five were killed and 12 were hospitalised": a count followed by its own verb takes that one.
    const ownVerb = toks[category ? nounEnd : j]?.pos === 'AUX';
    for (let k = i - 1; k >= Math.max(from, i - 8) && !kind && !ownVerb; k--) {
      if (['.', ';', '“', '”', '"'].includes(toks[k].text)) break;
      kind = kindAt(k);
      // "killed X and wounded Y": the verb belongs to the nearest count only
      if (!kind && readNumber(words, k - from)) break;
    }
    // Forward, the verb may follow a coordinated or qualified subject: "Four soldiers and two
    // members of a civilian defence militia were killed".
    const after = category ? nounEnd : j;
    for (let k = after; k < Math.min(to, after + 12) && !kind; k++) {
      if (['.', ';', ',', '“', '”', '"'].includes(toks[k].text) && k > after) break;
      if (k > after + 3 && toks[k].pos === 'VERB' && !kindAt(k)) break;
      kind = kindAt(k);
    }
    // Coordinated counts share the verb: "killed four soldiers and three civilians".
    if (!kind && lastHit && lastHit.kind) {
      let k = i - 1;
      while (k > lastHit.endToken && CONNECTORS.has(toks[k].lower)) k--;
      if (k === lastHit.endToken) kind = lastHit.kind;
    }
    if (!kind) continue;
    // A year next to a casualty word ("killed in 2020") is a date, not a count.
    if (!category && n && n.value >= 1900 && n.value <= 2100) continue;
    if (!category) {
      // A bare count next to the verb ("killing 5", "5 were killed") counts people of unknown status.
      category = 'unspecified';
    }
    const before = toks[i - 1]?.lower;
    const before2 = toks[i - 2]?.lower;
    const subset = before === 'including' || before2 === 'including' || before === 'among' || before2 === 'among';
    lastHit = { kind, endToken: Math.max(after, j) - 1 };
    hits.push({ value: n ? n.value : null, category, kind, subset, start: Math.min(t.start, toks[after - 1].start), end: toks[Math.max(after, j) - 1].end });
    i = Math.max(i, j - 1);
  }
  const sum = (kind: 'killed' | 'injured'): Count | null => {
    const hs = hits.filter((h) => h.kind === kind);
    if (hs.length === 0) return null;
    // A part named with "including" is within a count already given: it adds nothing, it only
    // says how many of them were civilians or soldiers when no main count of that kind exists.
    const part = (c: Category) => {
      const main = hs.filter((h) => h.category === c && !h.subset);
      const sub = hs.filter((h) => h.category === c && h.subset);
      const xs = main.length ? main : sub;
      if (xs.length === 0 || xs.some((h) => h.value === null)) return null;
      return main.length ? xs.reduce((s, h) => s + h.value!, 0) : Math.max(...xs.map((h) => h.value!));
    };
    const main = hs.filter((h) => !h.subset);
    let total: number | null = null;
    if (main.length && main.every((h) => h.value !== null)) total = main.reduce((s, h) => s + h.value!, 0);
    let civilians = part('civilians');
    let military = part('military');
    // "killed 12 people, among them 14 civilians" cannot be: parts never exceed the whole.
    if (total !== null && civilians !== null && civilians > total) civilians = total;
    if (total !== null && military !== null && military > total) military = total;
    // "several civilians": a casualty is reported but not counted; the evidence stays, numbers null.
    const start = Math.min(...hs.map((h) => h.start));
    const end = Math.max(...hs.map((h) => h.end));
    return { total, civilians, military, evidence: doc.span(start, end) };
  };
  return { fatalities: sum('killed'), injuries: sum('injured') };
}
