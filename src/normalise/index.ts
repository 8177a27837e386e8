// Input normalisation: bytes or markup in, one clean text with its metadata out.
import { Doc, type ArticleMeta } from '../doc.js';
import { InputError } from '../errors.js';

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

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

export function normalise(input: RawInput): Doc {
  let text = input.text ?? '';
  if (input.bytes) text = decode(input.source, input.bytes);
  text = text.normalize('NFC');
  if (!text.trim()) throw new InputError(input.source, 'empty input: no text to read');
  const meta: Partial<ArticleMeta> = {
    id: input.id,
    url: input.url ?? null,
    title: input.title ?? null,
    outlet: input.outlet ?? null,
    published: input.published ?? null,
    license: input.license ?? null,
  };
  return new Doc(text, meta);
}

export function decode(source: string, bytes: Buffer): string {
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(source, `too large: ${(bytes.length / 1048576).toFixed(1)} MB (limit ${MAX_INPUT_BYTES / 1048576} MB)`);
  if (bytes.includes(0)) throw new InputError(source, 'binary data, not text (contains NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(source, 'invalid UTF-8');
  }
}
