// The OpenAPI 3.1 document served at /openapi.json. Written by hand for the paths; the schemas of
// request bodies and of the contract document are generated from their zod schemas, and the query
// parameters come from the same list the server parses (./params.ts).
import { z } from 'zod';
import { Document } from '../contract.js';
import { ExtractRequest, IngestArticle, IngestBatch } from './bodies.js';
import { FILTER_PARAMS, PAGE_PARAMS, type ParamSpec } from './params.js';

function schemaOf(s: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function param(p: ParamSpec): object {
  const schema = p.repeat ? { type: 'array', items: p.schema } : p.schema;
  return { name: p.name, in: 'query', required: false, description: p.description, schema, ...(p.repeat ? { style: 'form', explode: true } : {}) };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'an opaque id, as the store gave it (keep it as a string); an old id the store has moved answers 301 with the new location',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,128}$' },
};
const moved = { description: 'the item has a new id: see Location', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'object', properties: { moved: { type: 'object' } } } } } };

/** An export: the same text `sitrep events|incidents --format F` prints, streamed. */
const exported = (what: string) => ({
  description: `every matching ${what} (or the first \`limit\`) in the format asked for: the same bytes as \`sitrep ${what} --format …\` with the same filter`,
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/x-ndjson': { schema: { type: 'string' } },
    'application/geo+json': { schema: { type: 'object' } },
    'application/json': { schema: { type: 'array' } },
  },
});
const formatParam = { name: 'format', in: 'path', required: true, schema: { enum: ['csv', 'ndjson', 'geojson', 'json'] } };

const nullable = (type: string | object) => (typeof type === 'string' ? { type: [type, 'null'] } : { oneOf: [type, { type: 'null' }] });

export function openApiDocument(version: string): object {
  const listParams = [...FILTER_PARAMS, ...PAGE_PARAMS].map(param);
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep',
      version,
      description:
        'Events read from news reports about armed conflict, each with its evidence: the sentences it was read from, who claims it (claimant → via → outlet, stance), and the incidents that link reports of the same occurrence.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/health': { get: { summary: 'Liveness', responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'the server is up') } } },
      '/api/stats': { get: { summary: 'Counts of what the store holds', responses: { 200: json(ref('Stats'), 'counts') } } },
      '/api/events': {
        get: {
          summary: 'Events, newest first, filtered and paged',
          parameters: listParams,
          responses: { 200: { ...json(ref('EventPage'), 'one page'), content: { ...json(ref('EventPage'), '').content, ...exported('events').content } }, 400: error('a bad parameter') },
        },
      },
      '/api/events.{format}': {
        get: {
          summary: 'Every matching event as one download (csv with ACLED columns and claims, ndjson, geojson, json)',
          parameters: [formatParam, ...listParams.filter((p) => !['cursor', 'format'].includes((p as { name: string }).name))],
          responses: { 200: exported('events'), 400: error('a bad parameter') },
        },
      },
      '/api/events/{id}': {
        get: { summary: 'One event', parameters: [idParam], responses: { 200: json(ref('StoredEvent'), 'the event'), 301: moved, 400: error('not an id'), 404: error('no such event') } },
      },
      '/api/incidents': {
        get: {
          summary: 'Incidents (reports of one occurrence, linked), newest first, filtered and paged',
          parameters: listParams,
          responses: { 200: { ...json(ref('IncidentPage'), 'one page'), content: { ...json(ref('IncidentPage'), '').content, ...exported('incidents').content } }, 400: error('a bad parameter') },
        },
      },
      '/api/incidents.{format}': {
        get: {
          summary: 'Every matching incident as one download',
          parameters: [formatParam, ...listParams.filter((p) => !['cursor', 'format'].includes((p as { name: string }).name))],
          responses: { 200: exported('incidents'), 400: error('a bad parameter') },
        },
      },
      '/api/incidents/{id}': {
        get: {
          summary: 'One incident with its member events and the summary of what each source reports',
          parameters: [idParam],
          responses: { 200: json(ref('IncidentDetail'), 'the incident'), 301: moved, 400: error('not an id'), 404: error('no such incident') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: "One article: its text and the current revision's document (entities, places, quotes, framing, events, with spans)",
          parameters: [idParam],
          responses: { 200: json(ref('ArticleDetail'), 'the article'), 301: moved, 400: error('not an id'), 404: error('no such article') },
        },
      },
      '/api/count/{what}': {
        get: {
          summary: 'How many events or incidents match a filter (exact, or a lower bound when counting took too long)',
          parameters: [{ name: 'what', in: 'path', required: true, schema: { enum: ['events', 'incidents'] } }, ...FILTER_PARAMS.map(param)],
          responses: {
            200: json({ type: 'object', properties: { count: { type: 'integer' }, complete: { type: 'boolean', description: 'false: at least `count`' } } }, 'the count'),
            400: error('a bad parameter'),
          },
        },
      },
      '/api/facets': {
        get: {
          summary: 'Counts by country, kind, family, actor, outlet and day for a filter',
          parameters: FILTER_PARAMS.map(param),
          responses: { 200: json(ref('Facets'), 'the counts'), 400: error('a bad parameter') },
        },
      },
      '/api/extract': {
        post: {
          summary: 'Extract one article (not stored): text or HTML in, the contract document out (with article.text)',
          requestBody: { required: true, content: { 'application/json': { schema: ref('ExtractRequest') } } },
          responses: {
            200: json(ref('Document'), 'the contract document'),
            400: error('an invalid body or an unreadable article'),
            413: error('the body is larger than the limit, or extracting it took longer than the time one request may take'),
            415: error('the body is not JSON'),
            503: error('the extraction workers are busy: try again (see Retry-After)'),
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Extract and store articles',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [ref('IngestArticle'), ref('IngestBatch')] } } } },
          responses: {
            200: json(ref('IngestResult'), 'what happened to each article'),
            400: error('an invalid body'),
            401: error('no token, or a wrong one'),
            403: error('ingest is disabled (the server was started without SITREP_TOKEN)'),
            413: error('the body is larger than the limit, or extracting it took longer than the time one request may take'),
            415: error('the body is not JSON'),
            503: error('the extraction workers are busy: try again (see Retry-After)'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of SITREP_TOKEN the server was started with' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
        },
        Stats: {
          type: 'object',
          properties: Object.fromEntries(['articles', 'revisions', 'events', 'superseded', 'incidents', 'rejected', 'entities', 'places', 'claims'].map((k) => [k, { type: 'integer' }])),
        },
        ArticleRef: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            revision: { type: 'integer' },
            url: nullable('string'),
            outlet: nullable('string'),
            title: nullable('string'),
            published: nullable('string'),
          },
        },
        StoredPlace: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            country: nullable('string'),
            admin1: nullable('string'),
            lat: nullable('number'),
            lon: nullable('number'),
            precision: { type: 'string' },
            geonameid: nullable('integer'),
            relation: { enum: ['at', 'near', 'in'] },
          },
        },
        StoredEvent: {
          type: 'object',
          description: 'an event as stored: the contract Event (its id is the article-local one) with where, when and which incident',
          properties: {
            id: { type: 'integer' },
            event: { $ref: '#/components/schemas/Document/properties/events/items' },
            family: nullable('string'),
            date: nullable('string'),
            country2: nullable('string'),
            country3: nullable('string'),
            place: nullable(ref('StoredPlace')),
            article: ref('ArticleRef'),
            incidentId: nullable('integer'),
            corroboration: nullable('integer'),
            grade: nullable('string'),
            superseded: { type: 'boolean' },
          },
        },
        StoredIncident: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            family: { type: 'string' },
            kind: nullable('string'),
            dateStart: nullable('string'),
            dateEnd: nullable('string'),
            country2: nullable('string'),
            country3: nullable('string'),
            location: nullable('string'),
            admin1: nullable('string'),
            lat: nullable('number'),
            lon: nullable('number'),
            events: { type: 'integer' },
            articles: { type: 'integer' },
            outlets: { type: 'integer' },
            corroboration: { type: 'integer', description: 'independent sources reporting it' },
            grade: nullable('string'),
            fatalities: nullable('integer'),
            summary: { description: 'per field, every value reported and by whom (claim chains), with a consensus value and a grade' },
          },
        },
        IncidentDetail: { allOf: [ref('StoredIncident'), { type: 'object', properties: { members: { type: 'array', items: ref('StoredEvent') } } }] },
        ArticleDetail: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            url: nullable('string'),
            urls: { type: 'array', items: { type: 'string' } },
            outlet: nullable('string'),
            title: nullable('string'),
            published: nullable('string'),
            language: nullable('string'),
            license: nullable('string'),
            text: { type: 'string', description: 'the normalised text all spans index into (UTF-16 offsets)' },
            document: ref('Document'),
            revisions: { type: 'array', items: { type: 'object' } },
          },
        },
        EventPage: { type: 'object', required: ['items', 'next'], properties: { items: { type: 'array', items: ref('StoredEvent') }, next: nullable('string') } },
        IncidentPage: {
          type: 'object',
          required: ['items', 'next'],
          properties: {
            items: {
              type: 'array',
              description: 'incidents without `summary` (see /api/incidents/{id}), with what a map needs from it',
              items: {
                allOf: [
                  ref('StoredIncident'),
                  {
                    type: 'object',
                    properties: {
                      precision: { ...nullable('string'), description: "how precise the incident's place is (point, city, district, admin1, region, country)" },
                      fatalitiesReported: { ...nullable('array'), description: '[lowest, highest] death toll its reports give' },
                      outlier: { type: 'boolean', description: 'the highest reported toll is at least ten times the lowest' },
                    },
                  },
                ],
              },
            },
            next: nullable('string'),
          },
        },
        FacetValue: { type: 'object', properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } } },
        Facets: {
          type: 'object',
          properties: {
            total: { type: 'integer', description: 'events counted' },
            complete: { type: 'boolean', description: 'false when only the newest events were counted (the scan is bounded)' },
            ...Object.fromEntries(['country', 'kind', 'family', 'actor', 'outlet', 'day'].map((k) => [k, { type: 'array', items: ref('FacetValue') }])),
          },
        },
        IngestResult: {
          type: 'object',
          properties: {
            results: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  status: { enum: ['new', 'revision', 'duplicate', 'skipped', 'rejected'] },
                  article: { type: 'integer' },
                  events: { type: 'array', items: { type: 'integer' } },
                  incidents: { type: 'array', items: { type: 'integer' } },
                  reason: { type: 'string' },
                },
              },
            },
          },
        },
        ExtractRequest: schemaOf(ExtractRequest),
        IngestArticle: schemaOf(IngestArticle),
        IngestBatch: schemaOf(IngestBatch),
        Document: schemaOf(Document),
      },
    },
  };
}
