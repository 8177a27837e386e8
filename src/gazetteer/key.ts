// The normal form names are indexed and looked up under. Both sides go through it, so it only has
// to be consistent: accents, apostrophes and transliteration marks (’ ‘ ` ʻ), dots and hyphens vary
// between sources and reporters ("Donets’k", "Deir ez-Zor", "St. Louis", "U.S.").
import { memo } from '../memo.js';

const MARKS = /[\u0300-\u036f]/g;
const QUOTES = /['’‘`ʻʼ´"”“]/g;
const DOTS = /[.,]/g;
const DASHES = /[-‐‑‒–—_]+/g;
const SPACES = /\s+/g;

export const key: (name: string) => string = memo((name) => normal(name), 50000);

function normal(name: string): string {
  let s = name;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(MARKS, '').replace(/ǝ/g, 'e').replace(/ı/g, 'i');
  s = s.replace(QUOTES, '').replace(DOTS, '').replace(DASHES, ' ').toLowerCase().replace(SPACES, ' ').trim();
  if (s.startsWith('the ')) s = s.slice(4);
  return s;
}
