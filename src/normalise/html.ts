// HTML page → article text. Readability (over linkedom) finds the article; then its result is laid
// back over the page's own paragraphs, because on news pages Readability loses prose that sits
// outside the element it picks: the lede in a separate summary/standfirst element, a last paragraph
// in another layout row, paragraphs (often quotes) it cleaned out of the middle.
// Page furniture is removed before (by class/id) and after (by text); see boilerplate.ts.
import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { boilerplateRule, furnitureName, wordCount } from './boilerplate.js';
import { readMeta, normaliseDate, type HtmlMeta } from './meta.js';
import { maxOf, minOf } from '../arrays.js';

/** One paragraph-like run of text in the page, and where it came from. */
export interface Block {
  text: string;
  words: number;
  /** share of the characters inside links */
  linkDensity: number;
  /** the nearest block-level element holding the text */
  el: Element;
  /** h1 … h6 */
  heading: number;
}

// Never article text: code, forms, embedded media, and the page's navigation and side matter.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'BUTTON',
  'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'NAV', 'ASIDE', 'FOOTER', 'FIGCAPTION', 'HEAD', 'TITLE',
  'MAP', 'AUDIO', 'VIDEO', 'PICTURE', 'IMG', 'DIALOG', 'MENU', 'FIGURE',
]);
// What the baseline (Readability alone) leaves out: only what is never text.
const SKIP_CODE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'THEAD', 'TBODY', 'TFOOT', 'FIGURE',
  'HR', 'ADDRESS', 'CENTER', 'FORM', 'FIELDSET', 'DETAILS', 'SUMMARY', 'HGROUP', 'BODY', 'CAPTION',
]);

// Structural elements a class name must never remove: they hold the article itself.
const KEEP = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The page's text as paragraph-like blocks, in document order. */
export function blocksOf(root: Element, skip: Set<string> = SKIP): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let owner: Element = root;
  let current: Element = root;
  const flush = () => {
    const text = collapse(buf);
    if (text) {
      const h = /^H([1-6])$/i.exec(owner.tagName);
      out.push({ text, words: wordCount(text), linkDensity: Math.min(1, linkChars / text.length), el: owner, heading: h ? Number(h[1]) : 0 });
    }
    buf = '';
    linkChars = 0;
  };
  // An explicit stack rather than recursion: pages nest thousands of elements deep.
  interface Frame {
    next: ChildNode | null;
    inLink: boolean;
    block: boolean;
    prev: Element;
  }
  const stack: Frame[] = [{ next: root.firstChild, inLink: false, block: false, prev: root }];
  while (stack.length) {
    const f = stack[stack.length - 1];
    const c = f.next;
    if (!c) {
      stack.pop();
      if (f.block) {
        flush();
        current = f.prev;
      }
      continue;
    }
    f.next = c.nextSibling;
    if (c.nodeType === 3) {
      const t = c.textContent ?? '';
      if (!buf.trim()) owner = current;
      buf += t;
      if (f.inLink) linkChars += collapse(t).length;
    } else if (c.nodeType === 1) {
      const el = c as Element;
      const tag = el.tagName.toUpperCase();
      if (skip.has(tag) || (skip === SKIP && hidden(el))) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      stack.push({ next: el.firstChild, inLink: f.inLink || tag === 'A', block, prev: current });
      if (block) current = el;
    }
  }
  flush();
  return out;
}

/** Long prose paragraphs inside an element: more than one means it holds the article. */
function proseParagraphs(el: Element): number {
  let n = 0;
  for (const p of el.querySelectorAll('p')) if (wordCount(p.textContent ?? '') >= 30 && ++n > 1) break;
  return n;
}

/** Removes hidden elements, the page's side matter and elements whose class or id names furniture. */
export function preclean(doc: Document): void {
  for (const el of [...doc.querySelectorAll('nav, aside, footer, script, style, noscript, template, iframe, button')]) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id], [hidden], [style]')]) {
    if (KEEP.has(el.tagName.toUpperCase()) || !el.parentNode) continue;
    const named = furnitureName(el.getAttribute('class')) ?? furnitureName(el.getAttribute('id'));
    if ((named || hidden(el)) && proseParagraphs(el) <= 1 && !el.querySelector('h1')) el.remove();
  }
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function isProse(b: Block): boolean {
  return !b.heading && b.words >= 10 && b.linkDensity < 0.3 && (/[.!?…"”’')\]]$/.test(b.text) || b.words >= 30);
}

/** Whether two blocks sit in the same part of the page: a common ancestor a few levels up. */
function near(a: Element, b: Element, levels = 4): boolean {
  const up: Element[] = [];
  for (let e: Element | null = b, k = 0; e && k <= levels; e = e.parentElement, k++) up.push(e);
  for (let e: Element | null = a, k = 0; e && k <= levels; e = e.parentElement, k++) {
    if (up.includes(e)) return !['BODY', 'HTML'].includes(e.tagName.toUpperCase());
  }
  return false;
}

/** How many page furniture blocks an extension may step over to reach a lost lede or ending. */
const MAX_SKIP = 2;

/**
 * Readability's paragraphs laid back over the page's blocks: the stretch of the page it chose,
 * with the prose it dropped inside that stretch and prose paragraphs just before and after it.
 */
export function merge(page: Block[], chosen: Block[]): Block[] {
  const at = new Map<string, number[]>();
  page.forEach((b, i) => {
    const k = key(b.text);
    const l = at.get(k);
    if (l) l.push(i);
    else at.set(k, [i]);
  });
  const used = new Set<number>();
  const idx = chosen.map((c) => {
    const l = at.get(key(c.text));
    const i = l?.find((j) => !used.has(j)) ?? -1;
    if (i >= 0) used.add(i);
    return i;
  });
  const matched = idx.filter((i) => i >= 0);
  if (!matched.length) return chosen;
  let lo = minOf(matched);
  let hi = maxOf(matched);
  const keep = new Set(matched);
  for (let i = lo; i <= hi; i++) {
    const b = page[i];
    if (keep.has(i) || boilerplateRule(b.text, b.words)) continue;
    if ((b.words >= 4 && b.linkDensity < 0.5 && !b.heading) || (b.heading >= 2 && b.words <= 15 && b.linkDensity < 0.5)) keep.add(i);
  }
  const extend = (from: number, step: -1 | 1) => {
    const anchor = page[from].el;
    let skipped = 0;
    let last = from;
    for (let i = from + step; i >= 0 && i < page.length; i += step) {
      const b = page[i];
      if (boilerplateRule(b.text, b.words)) {
        if (++skipped > MAX_SKIP) break;
        continue;
      }
      if (!isProse(b) || !near(b.el, anchor)) break;
      keep.add(i);
      last = i;
    }
    return last;
  };
  lo = extend(lo, -1);
  hi = extend(hi, 1);

  // Paragraphs Readability made that the page does not have as such (it re-wraps loose text)
  // stay where Readability put them: after the page block matched before them.
  const order: [number, number, Block][] = [...keep].map((i) => [i, 0, page[i]]);
  let prev = -1;
  chosen.forEach((c, k) => {
    if (idx[k] >= 0) prev = idx[k];
    else order.push([prev, k + 1, c]);
  });
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return order.map((o) => o[2]);
}

// Pages that escape their entities twice leave "&amp;quot;" → "&quot;" in the text.
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };
function decodeLeftovers(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi, (m, dec, hex, name) => {
    if (dec || hex) {
      const cp = parseInt(dec ?? hex, dec ? 10 : 16);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

const sentenceEnd = (s: string) => /[.!?…:;"”’')\]]$/.test(s);
/** Kickers, datelines of the page, bylines, link lists and signatures around the article. */
const edgeJunk = (b: Block) => b.linkDensity >= 0.5 || (b.words < 25 && !sentenceEnd(b.text));

/**
 * The final cut: furniture by text, the title repeated as a heading, exact repeats, and the short
 * unpunctuated lines or link lists before the first and after the last sentence.
 */
function tidy(blocks: Block[], titles: (string | null | undefined)[]): string[] {
  const titleKeys = new Set(titles.filter((t): t is string => !!t).map(key));
  const seen = new Set<string>();
  const kept: Block[] = [];
  for (const b of blocks) {
    const text = collapse(decodeLeftovers(b.text));
    const k = key(text);
    if (!k || seen.has(k) || titleKeys.has(k) || boilerplateRule(text)) continue;
    seen.add(k);
    kept.push({ ...b, text });
  }
  let a = 0;
  let z = kept.length;
  while (a < z && edgeJunk(kept[a])) a++;
  while (z > a && edgeJunk(kept[z - 1])) z--;
  // An article with no sentence at all (a list, a table) is left as it is.
  return (a < z ? kept.slice(a, z) : kept).map((b) => b.text);
}

export interface HtmlArticle {
  /** paragraphs, in order */
  paragraphs: string[];
  meta: HtmlMeta;
  /** how the text was found: Readability merged with the page, or the page's blocks alone */
  method: 'readability' | 'fallback';
}

// linkedom is loaded with the first page, not at start-up: text input never needs it, and its
// ≈ 170 modules are a tenth of a batch worker's start-up.
const require = createRequire(import.meta.url);
let linkedom: typeof ParseHTML | null = null;
function parseHTML(html: string): ReturnType<typeof ParseHTML> {
  return (linkedom ??= (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML)(html);
}

/** linkedom reads only whole documents: a fragment ("<p>…</p>", as batch input may be) is wrapped. */
function asDocument(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html.replace(/^\s*(?:<!doctype[^>]*>)?\s*(?:<html[^>]*>)?/i, '').replace(/<\/html>\s*$/i, '')}</body></html>`;
}

/** Readability alone, its content rendered as blocks: the baseline the evaluation compares with. */
export function readabilityOnly(html: string): string[] {
  const { document } = parseHTML(asDocument(html));
  const r = runReadability(document as unknown as Document);
  return r ? blocksOf(r.content, SKIP_CODE).map((b) => b.text) : [];
}

/**
 * Readability's time grows much faster than the page's nesting (seconds at a few thousand levels);
 * past this depth the page's own blocks are used instead. News pages nest a few dozen deep.
 */
const MAX_DEPTH = 250;
/** Readability gives up (and the page's blocks are used) on pages with more elements than this. */
const MAX_ELEMENTS = 40000;

function deeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > limit) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return false;
}

function runReadability(doc: Document): { content: Element; title: string | null; byline: string | null; siteName: string | null; publishedTime: string | null } | null {
  try {
    if (doc.documentElement && deeperThan(doc.documentElement, MAX_DEPTH)) return null;
    const r = new Readability<Element>(doc, { serializer: (el) => el as Element, maxElemsToParse: MAX_ELEMENTS }).parse();
    if (!r || !r.content) return null;
    return { content: r.content, title: r.title ?? null, byline: r.byline ?? null, siteName: r.siteName ?? null, publishedTime: r.publishedTime ?? null };
  } catch {
    // Readability throws on some malformed trees; the page's own blocks are the fallback.
    return null;
  }
}

// Scripts (but not JSON-LD metadata), styles, inline SVG and comments are most of a page's bytes
// and never text; cutting them before parsing halves the parse.
const NOISE = /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

/** The article in an HTML page: its paragraphs and metadata. Empty paragraphs when there is none. */
export function extractArticle(html: string): HtmlArticle {
  const { document } = parseHTML(asDocument(html.replace(NOISE, '')));
  const doc = document as unknown as Document;
  const meta = readMeta(doc as unknown as Parameters<typeof readMeta>[0]);
  preclean(doc);
  const page = doc.body ? blocksOf(doc.body) : [];
  const r = runReadability(doc.cloneNode(true) as Document);
  const chosen = r ? blocksOf(r.content) : [];
  const titles = [meta.title, r?.title];
  meta.title ??= r?.title?.trim() || null;
  meta.byline ??= r?.byline ? r.byline.replace(/^by\s+/i, '').trim() || null : null;
  meta.outlet ??= r?.siteName?.trim() || null;
  meta.published ??= normaliseDate(r?.publishedTime);
  let paragraphs = chosen.length ? tidy(merge(page, chosen), titles) : [];
  if (paragraphs.length) return { paragraphs, meta, method: 'readability' };
  paragraphs = tidy(
    page.filter((b) => b.linkDensity < 0.5 && b.heading !== 1),
    titles,
  );
  return { paragraphs, meta, method: 'fallback' };
}
