// data/corroboration.yaml: linking thresholds, syndication settings and the outlet list, read and
// validated once. Also the outlet look-ups built from it (name → outlet, wire credits in a text).
import type { z } from 'zod';
import type { Family } from '../taxonomy.js';
import { data } from '../data/index.js';
import { isMonthName } from '../data/time.js';
import type { Corroboration, FamilyRule as FamilyRuleSchema } from '../data/corroboration.js';

export type CorroborationConfig = z.infer<typeof Corroboration>;
export type FamilyRule = z.infer<typeof FamilyRuleSchema>;

export interface OutletInfo {
  /** the id in data/corroboration.yaml */
  id: string;
  name: string;
  wire: boolean;
  /** alpha-3 of the state that owns or runs it */
  state: string | null;
}

interface Loaded {
  cfg: CorroborationConfig;
  byAlias: Map<string, OutletInfo>;
  /** the longest alias, in words: how far outletIn looks */
  maxWords: number;
  byCredit: Map<string, OutletInfo>;
}

let loaded: Loaded | null = null;

/** Lower case, apostrophes and punctuation to spaces, single spaces: "Syria’s SANA." → "syria s sana". */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function load(): Loaded {
  if (loaded) return loaded;
  const cfg = data('corroboration.yaml');
  const byAlias = new Map<string, OutletInfo>();
  const byCredit = new Map<string, OutletInfo>();
  let maxWords = 1;
  for (const [id, o] of Object.entries(cfg.outlets)) {
    const info: OutletInfo = { id, name: o.name, wire: o.wire ?? false, state: o.state ?? null };
    for (const a of [o.name, ...o.aliases]) {
      const k = nameKey(a);
      const prev = byAlias.get(k);
      if (prev && prev.id !== id) throw new Error(`data/corroboration.yaml: alias "${a}" names both ${prev.id} and ${id}`);
      byAlias.set(k, info);
      maxWords = Math.max(maxWords, k.split(' ').length);
    }
    if (info.wire) for (const c of o.credits ?? o.aliases) byCredit.set(nameKey(c), info);
  }
  loaded = { cfg, byAlias, maxWords, byCredit };
  return loaded;
}

export function config(): CorroborationConfig {
  return load().cfg;
}

export function familyRule(f: Family): FamilyRule {
  return config().linking.families[f] ?? { link: false, radiusKm: 0 };
}

/** The outlet a whole name stands for ("Agence France-Presse" → afp), or undefined. */
export function outletNamed(name: string | null | undefined): OutletInfo | undefined {
  return name ? load().byAlias.get(nameKey(name)) : undefined;
}

/**
 * The known outlet named inside a phrase ("Syria’s official news agency SANA" → sana): the whole
 * phrase first, then the longest run of words that is an alias, leftmost first.
 */
export function outletIn(phrase: string | null | undefined): OutletInfo | undefined {
  if (!phrase) return undefined;
  const { byAlias, maxWords } = load();
  const words = nameKey(phrase).split(' ').filter(Boolean);
  for (let n = Math.min(maxWords, words.length); n >= 1; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const hit = byAlias.get(words.slice(i, i + n).join(' '));
      if (hit) return hit;
    }
  return undefined;
}

// "(Reuters)", "(AP)", "(Reuters/AFP)": a parenthesised credit; "— AFP", "-- Reuters" or a bare
// agency name as a sign-off line.
const PAREN = /\(([^()\n]{1,60})\)/g;
const SIGN_OFF = /^[\s\-–—/(]*([\p{L}][\p{L}\s.\-]{0,40}?)[\s.)]*$/u;


/**
 * A parenthesised credit in a dateline that names no listed outlet ("ODESA, Nov 19 (Northwire) -"):
 * by convention the agency whose copy it is. One to four words, starting with a letter, no digits,
 * not a month. Its id is "outlet:<name key>", as an unlisted outlet's own reports get.
 */
function unlistedCredit(s: string): OutletInfo | undefined {
  const k = nameKey(s);
  const words = k.split(' ');
  if (!k || /\d/.test(k) || words.length > 4 || !/^\p{Lu}/u.test(s.trim()) || words.some((w) => isMonthName(w))) return undefined;
  return { id: `outlet:${k}`, name: s.trim(), wire: true, state: null };
}

/**
 * The agencies a text credits as the origin of its copy: parenthesised credits in the dateline or
 * the opening line (up to its dash), a listed wire named inside the dateline ("Damascus, SANA-"),
 * and a listed wire as the sign-off line ("— AFP", "(Reuters)"). A parenthesised dateline credit
 * naming no listed outlet is kept too (id "outlet:<name>"). In running text an agency is a source
 * (a via), not a credit, so only these places are read. Sorted by id, without repeats.
 */
export function wireCredits(text: string | null | undefined, dateline?: string | null): OutletInfo[] {
  const { byCredit, cfg } = load();
  const w = cfg.syndication.creditWindow;
  const found = new Map<string, OutletInfo>();
  const credit = (s: string, unlisted: boolean) => {
    for (const part of s.split(/[/,;&]| and | with /)) {
      const hit = byCredit.get(nameKey(part)) ?? (unlisted ? unlistedCredit(part) : undefined);
      if (hit) found.set(hit.id, hit);
    }
  };
  const parens = (s: string) => {
    for (const m of s.matchAll(PAREN)) credit(m[1], true);
  };
  let opening = dateline ?? null;
  if (!opening && text) {
    // The opening line up to its first dash: where a dateline credit sits when no dateline was read.
    const head = text.slice(0, w).split('\n')[0];
    const dash = head.search(/\s[-–—]{1,2}\s?|[-–—]{2}/);
    if (dash > 0) opening = head.slice(0, dash + 1);
  }
  if (opening) {
    parens(opening);
    const words = nameKey(opening).split(' ');
    for (let i = 0; i < words.length; i++)
      for (let n = 1; n <= 4 && i + n <= words.length; n++) {
        const hit = byCredit.get(words.slice(i, i + n).join(' '));
        if (hit) found.set(hit.id, hit);
      }
  }
  if (text) {
    const tail = text.slice(Math.max(0, text.length - w)).trimEnd();
    const lastLine = tail.slice(tail.lastIndexOf('\n') + 1);
    const m = SIGN_OFF.exec(lastLine);
    if (m) credit(m[1], false);
    const lastParen = /\(([^()\n]{1,60})\)\s*$/.exec(tail);
    if (lastParen) credit(lastParen[1], false);
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
