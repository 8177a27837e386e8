// Bytes → string, and the cleaning every text gets. The cleaned text is what all offsets index
// into, so the cleaning is deliberately small: line breaks, control characters, NFC. Quotes,
// dashes and spacing stay as received.
import { InputError } from '../errors.js';

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

// Magic numbers of files people drop into a folder of articles by mistake: naming the format
// makes the error message useful.
const MAGIC: [string, number[]][] = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an old Word/Excel file', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Share of control bytes (other than tab, line feed, carriage return, form feed) above which input is binary. */
const BINARY_CONTROL_SHARE = 0.05;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (bytes[k] !== sig[k]) return false;
  return true;
}

/** Throws when the bytes are not text at all. */
export function checkBinary(source: string, bytes: Uint8Array): void {
  for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) throw new InputError(source, `binary data, not text (looks like ${what})`);
  if (bytes.includes(0)) throw new InputError(source, 'binary data, not text (contains NUL bytes)');
  const n = Math.min(bytes.length, 8192);
  let ctl = 0;
  for (let k = 0; k < n; k++) {
    const b = bytes[k];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) ctl++;
  }
  if (n > 0 && ctl / n > BINARY_CONTROL_SHARE) throw new InputError(source, 'binary data, not text (mostly control bytes)');
}

/** Byte offset of the first invalid UTF-8 sequence (only called once decoding has failed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      k++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return k;
    if (k + need >= bytes.length) return k;
    let cp = b & (0x3f >> need);
    for (let j = 1; j <= need; j++) {
      const c = bytes[k + j];
      if ((c & 0xc0) !== 0x80) return k;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return k;
    k += need + 1;
  }
  return -1;
}

/**
 * Bytes to a string: UTF-8 (BOM optional), or UTF-16 when a BOM says so. `fallbackCharset` is an
 * encoding the input itself declared (an HTML <meta charset>), tried when the bytes are not UTF-8.
 */
export function decode(source: string, bytes: Buffer | Uint8Array, fallbackCharset?: string | null): string {
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(source, `too large: ${(bytes.length / 1048576).toFixed(1)} MB (limit ${MAX_INPUT_BYTES / 1048576} MB)`);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  checkBinary(source, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (fallbackCharset) {
      try {
        return new TextDecoder(fallbackCharset).decode(bytes);
      } catch {
        // an encoding name TextDecoder does not know: report the UTF-8 problem below
      }
    }
    const at = firstInvalidUtf8(bytes);
    throw new InputError(source, `invalid UTF-8${at >= 0 ? ` at byte ${at}` : ''} (convert the file to UTF-8, e.g. from Windows-1252)`);
  }
}

/** The charset an HTML page declares in its first kilobytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

// C0 and C1 controls except tab and line feed; vertical tab and form feed become line breaks.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** The cleaning every text gets: BOM, line breaks, control characters, NFC. */
export function cleanText(s: string): string {
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\u000c\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(CONTROLS, '')
    .normalize('NFC');
}

/** Throws when a string (already decoded, e.g. from a JSON line) is binary junk. */
export function checkBinaryString(source: string, s: string): void {
  if (s.includes('\u0000')) throw new InputError(source, 'binary data, not text (contains NUL characters)');
  const n = Math.min(s.length, 8192);
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (n > 0 && bad / n > BINARY_CONTROL_SHARE) throw new InputError(source, 'binary data, not text (mostly control or replacement characters)');
}
