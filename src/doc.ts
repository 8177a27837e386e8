// The shared document model. Every stage reads the layers before it and adds its own; nothing
// downstream edits `text`, so every offset stays valid from normalisation to output.
//
// Offsets are UTF-16 code-unit indices into `text` (JavaScript string indices), end-exclusive.

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token {
  /** index in doc.tokens */
  i: number;
  start: number;
  end: number;
  text: string;
  /** lower-cased text, for lexicon look-ups */
  lower: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, AUX, ADP, DET, NUM, PUNCT, SPACE …) */
  pos: string;
  lemma: string;
  /** sentence index */
  sent: number;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** first token index (inclusive) */
  first: number;
  /** last token index (exclusive) */
  last: number;
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

/** A stretch of text on token boundaries. */
export interface Mention {
  start: number;
  end: number;
  /** first token (inclusive) */
  first: number;
  /** last token (exclusive) */
  last: number;
  sent: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP' | 'EQUIPMENT';

/**
 * How one mention of a place name is used. A toponym that acts, speaks or owns
 * ("Tehran has reiterated", "the Tel Aviv regime") is a metonym for an actor, not a location; one
 * inside a longer name ("the Gaza Health Ministry", "Aleppo University") is part of that name.
 */
export type ToponymUse = 'location' | 'metonym' | 'part';

export interface EntityMention extends Mention {
  use?: ToponymUse;
}

export interface EntityAnn {
  id: string;
  /** canonical form: the longest full name used in the article */
  name: string;
  type: EntityType;
  /** ISO 3166-1 alpha-3 of the state it belongs to or stands for */
  country: string | null;
  role: string | null;
  mentions: EntityMention[];
  /** id of the Place this entity was resolved to, when it names a place */
  place: string | null;
}

export type PlacePrecision = 'point' | 'city' | 'district' | 'admin1' | 'region' | 'country';

export interface PlaceAnn {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision;
  geonameid: number | null;
  /** locative mentions only (metonyms stay with the entity) */
  mentions: Mention[];
  /** the entity that names it, if any */
  entity: string | null;
}

export type TimePrecision = 'day' | 'week' | 'month' | 'year' | 'unknown';

export interface TimeAnn {
  /** ISO date (YYYY-MM-DD) or null when it cannot be resolved */
  start: string | null;
  end: string | null;
  precision: TimePrecision;
  mention: Mention;
  /** the expression names a time before the report's news (e.g. "In July 2020", "since 2011") */
  background: boolean;
  /** the expression points after publication ("next week") */
  future: boolean;
}

export interface Speaker {
  name: string;
  entity: string | null;
  role: string | null;
  /** alpha-3 or organisation name */
  affiliation: string | null;
}

export interface QuoteAnn {
  id: string;
  speaker: Speaker | null;
  /** the quoted words, without the quotation marks */
  span: Span;
  /** the speech verb's lemma ("say", "add", "according to"), or null */
  verb: string | null;
  /** sentence index where the quote starts */
  sent: number;
}

export interface Dateline {
  /** the place name in the dateline ("TEHRAN", "DAMASCUS") */
  mention: Mention;
  /** the whole dateline, up to and including its dash */
  span: Span;
}

export interface ArticleMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO 8601 date or datetime, or null */
  published: string | null;
  language: string;
  license: string | null;
  byline: string | null;
}

export class Doc {
  readonly text: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[] = [];
  tokens: Token[] = [];
  sentences: Sentence[] = [];
  dateline: Dateline | null = null;
  entities: EntityAnn[] = [];
  places: PlaceAnn[] = [];
  times: TimeAnn[] = [];
  quotes: QuoteAnn[] = [];
  /** filled by the event stages (issue 3); typed by the contract */
  events: unknown[] = [];
  framing: unknown[] = [];
  warnings: string[] = [];

  constructor(text: string, meta: Partial<ArticleMeta> = {}) {
    this.text = text;
    this.meta = {
      id: meta.id ?? '',
      title: meta.title ?? null,
      outlet: meta.outlet ?? null,
      url: meta.url ?? null,
      published: meta.published ?? null,
      language: meta.language ?? 'en',
      license: meta.license ?? null,
      byline: meta.byline ?? null,
    };
  }

  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /** The mention covering tokens [first, last). */
  mention(first: number, last: number): Mention {
    const a = this.tokens[first];
    const b = this.tokens[last - 1];
    return { start: a.start, end: b.end, first, last, sent: a.sent };
  }

  sentenceText(i: number): string {
    const s = this.sentences[i];
    return this.text.slice(s.start, s.end);
  }

  /** Token index at or after a character offset (binary search). */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  entity(id: string | null | undefined): EntityAnn | undefined {
    return id ? this.entities.find((e) => e.id === id) : undefined;
  }

  /** The entity with a mention covering exactly or containing [start, end). */
  entityAt(start: number, end: number): EntityAnn | undefined {
    for (const e of this.entities) {
      for (const m of e.mentions) if (m.start <= start && m.end >= end) return e;
    }
    return undefined;
  }
}

/**
 * The layers of a Doc that stages fill. A dotted name is a field one stage adds to another's
 * layer: the places stage links entities to their place (`entities.place`) and says how each
 * mention is used (`entities.use`).
 */
export type Layer =
  | 'text'
  | 'meta'
  | 'warnings'
  | 'paragraphs'
  | 'tokens'
  | 'sentences'
  | 'dateline'
  | 'entities'
  | 'entities.place'
  | 'entities.use'
  | 'places'
  | 'times'
  | 'quotes'
  | 'framing'
  | 'events';

/**
 * A named stage of the pipeline. It declares the layers it reads (each filled by normalisation or
 * an earlier stage) and the layers it writes; the pipeline checks the order against these when it
 * starts (pipeline.ts), and a test checks them against what the stage really touches.
 */
export interface Stage {
  name: string;
  reads: readonly Layer[];
  writes: readonly Layer[];
  /** what it adds, in a few words: the README's stage table is made from these */
  adds: string;
  run(doc: Doc): void;
}
