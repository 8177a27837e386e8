// The extraction contract, version 1 (../shared/docs/output-contract.md), as code.
// The zod schema is the source of truth: TypeScript types are inferred from it and
// `sitrep schema` prints the JSON Schema generated from it.
import { z } from 'zod';

export const SCHEMA_ID = 'sitrep/extract@1';
export const ERROR_SCHEMA_ID = 'sitrep/error@1';

const alpha3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3');
const alpha2 = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');

export const Span = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string(),
  })
  .describe('UTF-16 offsets into the article text; text === articleText.slice(start, end)');

export const EntityType = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EQUIPMENT']);

export const Entity = z.object({
  id: z.string(),
  name: z.string().describe('canonical form, e.g. "Hamzeh Qalandari"'),
  type: EntityType,
  country: alpha3.nullable().describe('alpha-3 of the state it belongs to or stands for'),
  role: z.string().nullable().describe('a title or function stated in the text'),
  mentions: z.array(Span),
});

export const Precision = z.enum(['point', 'city', 'district', 'admin1', 'region', 'country']);

export const Place = z.object({
  id: z.string(),
  name: z.string(),
  country: alpha2.nullable(),
  admin1: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  precision: Precision,
  geonameid: z.number().int().nullable(),
  mentions: z.array(Span),
});

export const ActorKind = z.enum([
  'state',
  'military',
  'government',
  'armed_group',
  'civilians',
  'person',
  'organization',
  'unknown',
]);

export const Actor = z.object({
  name: z.string(),
  country: alpha3.nullable(),
  kind: ActorKind,
  entity: z.string().nullable().describe('id of the Entity it was resolved from'),
});

export const TimePrecision = z.enum(['day', 'week', 'month', 'year', 'unknown']);

export const Time = z.object({
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  precision: TimePrecision,
  text: z.string(),
});

export const Stance = z.enum(['asserted', 'reported', 'alleged', 'denied', 'uncertain']);

export const Claim = z.object({
  claimant: z.string().nullable().describe('who asserts the fact; null when the outlet itself does'),
  via: z.array(z.string()).describe('the chain between claimant and outlet, nearest first'),
  outlet: z.string().nullable(),
  stance: Stance,
  quote: z.string().nullable().describe('id of a Quote carrying the claim'),
  evidence: Span,
});

export const Fatalities = z.object({
  total: z.number().int().nonnegative().nullable(),
  civilians: z.number().int().nonnegative().nullable(),
  military: z.number().int().nonnegative().nullable(),
  evidence: Span,
  coded: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('the figure as ACLED codes it: total, plus ACLED\'s figure for each vague quantity ("several" 10, "dozens" 12, "hundreds" 100)'),
});

export const Mode = z.enum(['actual', 'future', 'hypothetical', 'negated', 'threatened']);

export const Event = z.object({
  id: z.string(),
  kind: z.string().describe('one of the taxonomy kinds (data/taxonomy)'),
  acled: z.object({ event_type: z.string(), sub_event_type: z.string() }).nullable(),
  plover: z.string().nullable(),
  initiator: Actor.nullable(),
  target: Actor.nullable(),
  location: z
    .object({ place: z.string().describe('Place id'), relation: z.enum(['at', 'near', 'in']) })
    .nullable(),
  time: Time.nullable(),
  fatalities: Fatalities.nullable(),
  injuries: Fatalities.nullable(),
  claims: z.array(Claim).min(1),
  evidence: z.array(Span).min(1),
  historical: z.boolean(),
  mode: Mode,
  confidence: z.number().min(0).max(1),
});

export const Speaker = z.object({
  name: z.string(),
  entity: z.string().nullable(),
  role: z.string().nullable(),
  affiliation: z.string().nullable().describe('alpha-3 or organisation name'),
});

export const Quote = z.object({
  id: z.string(),
  speaker: Speaker.nullable(),
  text: z.string(),
  span: Span,
  verb: z.string().nullable(),
});

export const Framing = z.object({
  term: z.string(),
  gloss: z.string(),
  span: Span,
});

export const Article = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'ISO 8601 date or datetime')
    .nullable(),
  language: z.string(),
  license: z.string().nullable(),
  text: z.string().optional().describe('the normalised text all offsets index into (with --include-text)'),
  byline: z.string().nullable().optional(),
  dateline: Span.nullable().optional(),
});

export const Document = z.object({
  schema: z.literal(SCHEMA_ID),
  article: Article,
  entities: z.array(Entity),
  places: z.array(Place),
  quotes: z.array(Quote),
  events: z.array(Event),
  framing: z.array(Framing),
  warnings: z.array(z.string()),
});

export const ErrorRecord = z.object({
  schema: z.literal(ERROR_SCHEMA_ID),
  line: z.number().int().positive().optional(),
  id: z.unknown().optional(),
  error: z.string(),
});

export type Span = z.infer<typeof Span>;
export type Entity = z.infer<typeof Entity>;
export type Place = z.infer<typeof Place>;
export type Actor = z.infer<typeof Actor>;
export type Time = z.infer<typeof Time>;
export type Claim = z.infer<typeof Claim>;
export type Fatalities = z.infer<typeof Fatalities>;
export type Event = z.infer<typeof Event>;
export type Quote = z.infer<typeof Quote>;
export type Framing = z.infer<typeof Framing>;
export type Stance = z.infer<typeof Stance>;
export type Mode = z.infer<typeof Mode>;
export type ActorKind = z.infer<typeof ActorKind>;
export type Document = z.infer<typeof Document>;

export function jsonSchema(): object {
  return z.toJSONSchema(Document, { target: 'draft-2020-12' });
}

/**
 * Validates a document against the schema and checks what a schema cannot: that every span's
 * text is the exact slice of the article text, and that ids referred to exist.
 * Returns a list of problems (empty when valid).
 */
export function checkDocument(doc: unknown, text?: string): string[] {
  const parsed = Document.safeParse(doc);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const d = parsed.data;
  const full = text ?? d.article.text;
  const problems: string[] = [];
  const spans: [string, Span][] = [];
  d.entities.forEach((e, i) => e.mentions.forEach((m, j) => spans.push([`entities.${i}.mentions.${j}`, m])));
  d.places.forEach((p, i) => p.mentions.forEach((m, j) => spans.push([`places.${i}.mentions.${j}`, m])));
  d.quotes.forEach((q, i) => spans.push([`quotes.${i}.span`, q.span]));
  d.framing.forEach((f, i) => spans.push([`framing.${i}.span`, f.span]));
  d.events.forEach((e, i) => {
    e.evidence.forEach((s, j) => spans.push([`events.${i}.evidence.${j}`, s]));
    e.claims.forEach((c, j) => spans.push([`events.${i}.claims.${j}.evidence`, c.evidence]));
    if (e.fatalities) spans.push([`events.${i}.fatalities.evidence`, e.fatalities.evidence]);
    if (e.injuries) spans.push([`events.${i}.injuries.evidence`, e.injuries.evidence]);
  });
  if (d.article.dateline) spans.push(['article.dateline', d.article.dateline]);
  for (const [path, s] of spans) {
    if (s.end < s.start) problems.push(`${path}: end before start`);
    if (full !== undefined) {
      if (s.end > full.length) problems.push(`${path}: beyond the end of the text`);
      else if (full.slice(s.start, s.end) !== s.text) problems.push(`${path}: text does not match the article slice`);
    }
  }
  const entityIds = new Set(d.entities.map((e) => e.id));
  const placeIds = new Set(d.places.map((p) => p.id));
  const quoteIds = new Set(d.quotes.map((q) => q.id));
  d.events.forEach((e, i) => {
    if (e.location && !placeIds.has(e.location.place)) problems.push(`events.${i}.location: unknown place ${e.location.place}`);
    for (const a of [e.initiator, e.target])
      if (a?.entity && !entityIds.has(a.entity)) problems.push(`events.${i}: unknown entity ${a.entity}`);
    e.claims.forEach((c, j) => {
      if (c.quote && !quoteIds.has(c.quote)) problems.push(`events.${i}.claims.${j}: unknown quote ${c.quote}`);
    });
  });
  d.quotes.forEach((q, i) => {
    if (q.speaker?.entity && !entityIds.has(q.speaker.entity)) problems.push(`quotes.${i}: unknown entity ${q.speaker.entity}`);
    if (q.text !== q.span.text) problems.push(`quotes.${i}: text differs from its span`);
  });
  return problems;
}
