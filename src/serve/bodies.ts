// Request bodies of the POST endpoints, as zod schemas: the server validates with them and the
// OpenAPI document publishes their JSON Schema.
import { z } from 'zod';

const text = z.string().min(1).describe('the article as plain text');
const html = z.string().min(1).describe('the article as an HTML page (the article body is found with Readability)');
const meta = {
  published: z.string().max(40).optional().describe('publication date, ISO 8601; relative dates resolve against it'),
  outlet: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  title: z.string().max(1000).optional(),
  id: z.string().max(200).optional(),
};

const oneOfTextHtml = (o: { text?: string; html?: string }) => (o.text === undefined) !== (o.html === undefined);
const oneOfMessage = { message: 'give exactly one of "text" and "html"' };

export const ExtractRequest = z
  .strictObject({ text: text.optional(), html: html.optional(), ...meta })
  .refine(oneOfTextHtml, oneOfMessage)
  .describe('one article to extract');

export const IngestArticle = z
  .strictObject({ text: text.optional(), html: html.optional(), ...meta, license: z.string().max(200).optional() })
  .refine(oneOfTextHtml, oneOfMessage);

/** Articles per ingest request at most (each is extracted while the request waits). */
export const MAX_INGEST_ARTICLES = 100;

export type ExtractRequest = z.infer<typeof ExtractRequest>;
export type IngestArticle = z.infer<typeof IngestArticle>;

export const IngestBatch = z.strictObject({ articles: z.array(IngestArticle).min(1).max(MAX_INGEST_ARTICLES) });

/** The articles of an ingest body: one article, or {articles: [...]}. Throws a one-line message. */
export function parseIngest(body: unknown): IngestArticle[] {
  const batch = !!body && typeof body === 'object' && 'articles' in body;
  const r = batch ? IngestBatch.safeParse(body) : IngestArticle.safeParse(body);
  if (!r.success) throw new Error(firstIssue(r.error));
  return 'articles' in r.data ? r.data.articles : [r.data as IngestArticle];
}

/** The first problem zod found, as one line naming the field. */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  const path = i.path.join('.');
  return path ? `"${path}": ${i.message}` : i.message;
}
