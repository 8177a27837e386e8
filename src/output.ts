// The last step of `extract`: the annotated Doc rendered as a contract document.
import type { Doc, Mention } from './doc.js';
import { SCHEMA_ID, type Document, type Event, type Framing } from './contract.js';

export interface OutputOptions {
  includeText?: boolean;
}

export function toDocument(doc: Doc, opts: OutputOptions = {}): Document {
  const span = (m: Mention) => doc.span(m.start, m.end);
  const m = doc.meta;
  return {
    schema: SCHEMA_ID,
    article: {
      id: m.id,
      title: m.title,
      outlet: m.outlet,
      url: m.url,
      published: m.published,
      language: m.language,
      license: m.license,
      byline: m.byline,
      dateline: doc.dateline ? doc.dateline.span : null,
      ...(opts.includeText ? { text: doc.text } : {}),
    },
    entities: doc.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      country: e.country,
      role: e.role,
      mentions: e.mentions.map(span),
    })),
    places: doc.places.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      admin1: p.admin1,
      lat: p.lat,
      lon: p.lon,
      precision: p.precision,
      geonameid: p.geonameid,
      mentions: p.mentions.map(span),
    })),
    quotes: doc.quotes.map((q) => ({
      id: q.id,
      speaker: q.speaker,
      text: q.span.text,
      span: q.span,
      verb: q.verb,
    })),
    events: doc.events as Event[],
    framing: doc.framing as Framing[],
    warnings: doc.warnings,
  };
}
