// Input normalisation: bytes or markup in, one clean text with its metadata out. The text made
// here is what every offset indexes into; nothing after this changes it.
import { Doc, type ArticleMeta } from '../doc.js';
import { InputError } from '../errors.js';
import { checkBinaryString, cleanText, declaredCharset, decode, MAX_INPUT_BYTES } from './text.js';
import { extractArticle } from './html.js';
import { detectLanguage, languageWarning } from './language.js';
import type { HtmlMeta } from './meta.js';

export { decode, MAX_INPUT_BYTES };

export interface RawInput {
  /** how the input is named in error messages: a path, "-" or "line 3" */
  source: string;
  bytes?: Buffer;
  /** the bytes or text are HTML (else plain text) */
  isHtml?: boolean;
  text?: string;
  html?: string;
  id?: string;
  url?: string | null;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  license?: string | null;
}

// Zero-width and byte-order marks are not whitespace to String.trim, but show nothing either.
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

/** How the article text was obtained, for tools that want to know. */
export type Method = 'text' | 'readability' | 'fallback';

export function normalise(input: RawInput): Doc {
  return normaliseWithInfo(input).doc;
}

export function normaliseWithInfo(input: RawInput): { doc: Doc; method: Method } {
  const { source } = input;
  const isHtml = input.isHtml ?? input.html !== undefined;
  let raw: string;
  if (input.bytes) raw = decode(source, input.bytes, isHtml ? declaredCharset(input.bytes) : null);
  else raw = input.html ?? input.text ?? '';
  if (raw.length > MAX_INPUT_BYTES)
    throw new InputError(source, `too large: ${(raw.length / 1048576).toFixed(1)} MB of text (limit ${MAX_INPUT_BYTES / 1048576} MB)`);
  if (!VISIBLE.test(raw)) throw new InputError(source, raw ? 'empty input: only whitespace' : 'empty input: no text to read');
  checkBinaryString(source, raw);

  let text: string;
  let found: Partial<HtmlMeta> = {};
  let method: Method = 'text';
  if (isHtml) {
    let a;
    try {
      a = extractArticle(raw);
    } catch (e) {
      // Only a stack overflow is deep nesting (elements inside elements beyond what the parser's
      // recursion reaches, some thousands of levels); any other RangeError is a bug to report as one.
      if (e instanceof RangeError && /call stack/i.test(e.message))
        throw new InputError(source, 'HTML nested too deeply to read (elements inside elements beyond the parser\'s limit of some thousands of levels)');
      throw e;
    }
    if (!a.paragraphs.length) throw new InputError(source, 'no article text found in the HTML');
    text = cleanText(a.paragraphs.join('\n\n'));
    found = a.meta;
    method = a.method;
  } else {
    text = cleanText(raw);
    if (!VISIBLE.test(text)) throw new InputError(source, 'empty input: only whitespace and control characters');
  }

  let language = detectLanguage(text).code;
  if (language === 'und' && found.lang) language = found.lang;
  // Values the user gave win over what the page says.
  const meta: Partial<ArticleMeta> = {
    id: input.id,
    url: input.url ?? found.url ?? null,
    title: input.title ?? found.title ?? null,
    outlet: input.outlet ?? found.outlet ?? null,
    published: input.published ?? found.published ?? null,
    license: input.license ?? null,
    byline: found.byline ?? null,
    language,
  };
  const doc = new Doc(text, meta);
  const w = languageWarning(language);
  if (w) doc.warnings.push(w);
  return { doc, method };
}
