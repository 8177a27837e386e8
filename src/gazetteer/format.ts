// The built gazetteer's file: a small JSON header, then typed-array columns read without parsing
// (a JSON rendering took ~230 ms to load; this takes a fraction of that, most of it the name Map).
//
//   "GAZ1" | u32 header length | header JSON | columns, each 8-byte aligned, as listed in header.cols
export const MAGIC = 'GAZ1';

// 2: admin1 joined through country-state-city towns, misplaced centroids moved, more spellings
// 3: transliteration-folded keys (fold.ts) as a second tier
// 4: their byte offsets, searched in place
export const FORMAT_VERSION = 4;

export interface CountryRec {
  name: string;
  official: string;
  alpha2: string;
  alpha3: string;
  capital: string | null;
  latlng: [number, number];
  demonym: string | null;
  demonymF?: string | null;
  /** the country's gazetteer entry */
  entry: number;
  /** every index key that leads to it */
  keys: string[];
}

export interface GazMeta {
  v: number;
  /** admin1 names, referenced by index from column `a` */
  a1: string[];
  /** code books for columns `f` (feature) and `r` (precision) */
  feats: string[];
  precs: string[];
  countries: CountryRec[];
  /** compass points carved out of a country or admin1 entry: entry index → [lat, lon] × 9 (n s e w ne nw se sw c) */
  dir: Record<string, number[]>;
  stats: Record<string, unknown>;
}

export interface GazData {
  meta: GazMeta;
  /** per entry: GeoNames id (0 = none), admin1 index (-1 = none), coordinates, population, feature, precision, country */
  id: Int32Array;
  a: Int32Array;
  la: Float32Array;
  lo: Float32Array;
  p: Uint32Array;
  f: Uint8Array;
  r: Uint8Array;
  /** two ASCII letters per entry, '  ' for none */
  cc: string;
  names: string[];
  /** index keys (sorted) and their postings: entry * 2 + 1 when reached only by an alternate name */
  keys: string[];
  postOff: Int32Array;
  post: Int32Array;
  /** the second tier: transliteration-folded keys (fold.ts), sorted, and their postings */
  fkeys: string[];
  fpostOff: Int32Array;
  fpost: Int32Array;
  /** read side: the folded keys' text and each key's byte offset in it (n + 1 entries), for a binary search without splitting */
  fkeyBuf?: Buffer;
  fkeyOff?: Int32Array;
}

type Col = 'id' | 'a' | 'la' | 'lo' | 'p' | 'f' | 'r' | 'postOff' | 'post' | 'fpostOff' | 'fpost' | 'fkeyOff';
const COLS: Col[] = ['id', 'a', 'la', 'lo', 'p', 'postOff', 'post', 'fpostOff', 'fpost', 'fkeyOff', 'f', 'r'];
const TEXTS = ['cc', 'names', 'keys', 'fkeys'] as const;
const CTORS = {
  id: Int32Array,
  a: Int32Array,
  la: Float32Array,
  lo: Float32Array,
  p: Uint32Array,
  postOff: Int32Array,
  post: Int32Array,
  fpostOff: Int32Array,
  fpost: Int32Array,
  fkeyOff: Int32Array,
  f: Uint8Array,
  r: Uint8Array,
} as const;

const pad8 = (n: number) => (n + 7) & ~7;

export function encode(data: GazData): Buffer {
  let d = data;
  const text = [d.cc, d.names.join('\n'), d.keys.join('\n'), d.fkeys.join('\n')];
  const texts = text.map((t) => Buffer.from(t, 'utf8'));
  const fkeyOff = new Int32Array(d.fkeys.length + 1);
  for (let i = 0, at = 0; i < d.fkeys.length; i++) fkeyOff[i + 1] = at += Buffer.byteLength(d.fkeys[i], 'utf8') + 1;
  d = { ...d, fkeyOff };
  const col = (c: Col) => d[c] as Exclude<GazData[Col], undefined>;
  const cols: { name: string; off: number; len: number }[] = [];
  let off = 0;
  for (const c of COLS) {
    const arr = col(c);
    cols.push({ name: c, off, len: arr.length });
    off = pad8(off + arr.byteLength);
  }
  TEXTS.forEach((name, i) => {
    cols.push({ name, off, len: texts[i].length });
    off = pad8(off + texts[i].length);
  });
  const header = Buffer.from(JSON.stringify({ ...d.meta, cols }), 'utf8');
  const start = pad8(8 + header.length);
  const buf = Buffer.alloc(start + off);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(header.length, 4);
  header.copy(buf, 8);
  for (const c of cols) {
    if (c.name in CTORS) {
      const arr = col(c.name as Col);
      Buffer.from(arr.buffer as ArrayBuffer, arr.byteOffset, arr.byteLength).copy(buf, start + c.off);
    } else texts[TEXTS.indexOf(c.name as (typeof TEXTS)[number])].copy(buf, start + c.off);
  }
  return buf;
}

export function decode(buf: Buffer): GazData | null {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  const hl = buf.readUInt32LE(4);
  const head = JSON.parse(buf.toString('utf8', 8, 8 + hl)) as GazMeta & { cols: { name: string; off: number; len: number }[] };
  const start = pad8(8 + hl);
  // typed arrays need aligned offsets; readFileSync's buffer usually starts at 0, copy if not
  const ab = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
  const out: Partial<GazData> = {};
  for (const c of head.cols) {
    const at = ab.byteOffset + start + c.off;
    if (c.name in CTORS) {
      const C = CTORS[c.name as Col];
      (out as Record<string, unknown>)[c.name] = new C(ab.buffer as ArrayBuffer, at, c.len);
    } else {
      const split = () => {
        const s = ab.toString('utf8', start + c.off, start + c.off + c.len);
        return s.length ? s.split('\n') : [];
      };
      if (c.name === 'cc') out.cc = ab.toString('utf8', start + c.off, start + c.off + c.len);
      else if (c.name === 'fkeys') {
        // the folded tier is consulted only for names no exact spelling matches: searched in place
        // (fkeyOff), split only if asked for
        out.fkeyBuf = ab.subarray(start + c.off, start + c.off + c.len);
        let v: string[] | null = null;
        Object.defineProperty(out, 'fkeys', { get: () => (v ??= split()), enumerable: true });
      } else (out as Record<string, unknown>)[c.name] = split();
    }
  }
  const { cols: _cols, ...meta } = head;
  out.meta = meta;
  return out as GazData;
}
