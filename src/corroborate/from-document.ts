// A contract Document's events as CorroborationEvents: places looked up, claimants resolved to the
// actor they speak for, the wire the article credits found.
import type { Actor, Document, Event } from '../contract.js';
import { familyOf, kind as kindInfo } from '../taxonomy.js';
import { isUnidentified, resolveActor } from '../stages/events/actors.js';
import { config, nameKey, outletNamed, wireCredits, type OutletInfo } from './config.js';
import { dayNumber } from '../days.js';
import { countryByName } from '../gazetteer/index.js';
import type { ActorRef, ClaimRef, CorroborationEvent } from './event.js';

export interface FromDocumentOptions {
  /** the article's id in the store (default: doc.article.id, else its URL) */
  articleId?: string;
  /** the normalised article text, when the document was made without --include-text */
  text?: string;
}

function actorRef(a: Actor | null): ActorRef | null {
  if (!a) return null;
  return isUnidentified(a.name) ? { country: a.country, name: a.name, kind: a.kind, unidentified: true } : { country: a.country, name: a.name, kind: a.kind };
}

/** What a claimant stands for: its quote's speaker affiliation, a named entity, or the actor lexicon. */
function claimantActor(doc: Document, claimant: string | null, quoteId: string | null, e: Event): ActorRef | null {
  if (!claimant) return null;
  const q = quoteId ? doc.quotes.find((x) => x.id === quoteId) : undefined;
  const low = claimant.toLowerCase();
  for (const a of [e.initiator, e.target]) if (a && a.name.toLowerCase() === low) return actorRef(a);
  const resolved = resolveActor(claimant);
  if (resolved?.country) return actorRef(resolved);
  const aff = q?.speaker?.affiliation;
  if (aff && /^[A-Z]{3}$/.test(aff)) return { country: aff, name: q!.speaker!.name, kind: resolved?.kind === 'unknown' || !resolved ? 'person' : resolved.kind };
  const ent = q?.speaker?.entity ? doc.entities.find((x) => x.id === q.speaker!.entity) : doc.entities.find((x) => x.name.toLowerCase() === low);
  if (ent?.country) return { country: ent.country, name: ent.name, kind: ent.type === 'PERSON' ? 'person' : ent.type === 'ORG' ? 'organization' : 'state' };
  return resolved ? actorRef(resolved) : null;
}

const MINOR = new Set(['the', 'of', 'and', 'for']);

/** "(GDA)" in a Global Dispatch Agency report, "(Reuters)" in Reuters': the outlet's own credit. */
function isOwnCredit(c: OutletInfo, outlet: string | null): boolean {
  if (!outlet) return false;
  if (outletNamed(outlet)?.id === c.id || nameKey(outlet) === nameKey(c.name)) return true;
  const initials = nameKey(outlet)
    .split(' ')
    .filter((w) => w && !MINOR.has(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 && initials === nameKey(c.name).replace(/ /g, '');
}

/**
 * The events of one document as CorroborationEvents, ids "<articleId>:<eventId>". Events of kinds
 * missing from the taxonomy are skipped (a document from an older taxonomy).
 */
export function fromDocument(doc: Document, opts: FromDocumentOptions = {}): CorroborationEvent[] {
  const articleId = opts.articleId ?? (doc.article.id || doc.article.url || '');
  if (!articleId) throw new Error('fromDocument: the article has no id; pass options.articleId');
  const text = opts.text ?? doc.article.text ?? null;
  const credits = wireCredits(text, doc.article.dateline?.text ?? null).filter((c) => !isOwnCredit(c, doc.article.outlet));
  const places = new Map(doc.places.map((p) => [p.id, p]));
  const out: CorroborationEvent[] = [];
  for (const e of doc.events) {
    if (!kindInfo(e.kind)) continue;
    const p = e.location ? places.get(e.location.place) : undefined;
    const claims: ClaimRef[] = e.claims.map((c) => ({
      claimant: c.claimant,
      via: c.via,
      outlet: c.outlet ?? doc.article.outlet,
      stance: c.stance,
      actor: claimantActor(doc, c.claimant, c.quote, e),
    }));
    out.push({
      id: `${articleId}:${e.id}`,
      articleId,
      outlet: doc.article.outlet,
      // One credit is the copy's origin; several ("Reuters/AFP") make a story of its own.
      ...(credits.length === 1 ? { outletGroup: credits[0].id } : {}),
      published: doc.article.published,
      kind: e.kind,
      family: familyOf(e.kind),
      initiator: actorRef(e.initiator),
      target: actorRef(e.target),
      place: p?.name ?? null,
      lat: p?.lat ?? null,
      lon: p?.lon ?? null,
      country: p?.country ?? null,
      admin1: p?.admin1 ?? null,
      precision: p?.precision ?? null,
      date: e.time?.start ?? null,
      dateEnd: e.time?.end ?? null,
      datePrecision: e.time?.precision ?? null,
      fatalities: e.fatalities?.total ?? null,
      civilians: e.fatalities?.civilians ?? null,
      injuries: e.injuries?.total ?? null,
      claims,
      historical: e.historical,
      mode: e.mode,
      evidence: e.evidence.map((s) => s.text).join(' '),
      toponyms: localToponyms(doc, e),
    });
  }
  return markBackground(out);
}

const TOPONYM_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const LOCAL_PRECISION = new Set(['point', 'city', 'district']);

/** The local places an event's sentences name (event.ts, `toponyms`), sorted, without repeats. */
function localToponyms(doc: Document, e: Event): string[] {
  const dl = doc.article.dateline;
  const inside = (m: { start: number; end: number }) => e.evidence.some((s) => m.start >= s.start && m.end <= s.end) && !(dl && m.start >= dl.start && m.end <= dl.end);
  const out = new Set<string>();
  for (const ent of doc.entities) {
    if (!TOPONYM_TYPES.has(ent.type)) continue;
    for (const m of ent.mentions) {
      if (!inside(m)) continue;
      // Read as a place: only a local one counts ("Syria", "Plateau state" say little).
      const p = doc.places.find((x) => x.mentions.some((pm) => pm.start < m.end && m.start < pm.end));
      if (p ? !LOCAL_PRECISION.has(p.precision) : countryByName(m.text)) continue;
      const k = nameKey(m.text);
      if (k) out.add(k);
    }
  }
  return [...out].sort();
}

/**
 * Marks as historical the events dated well before publication (data: background.staleDays) when
 * the same article reports something recent: the older event is background to that news. Returns
 * the events, changed in place.
 */
export function markBackground(events: CorroborationEvent[]): CorroborationEvent[] {
  const stale = config().background.staleDays;
  const age = (e: CorroborationEvent) => {
    const p = dayNumber(e.published);
    const end = dayNumber(e.dateEnd ?? e.date);
    return p === null || end === null ? null : p - end;
  };
  const hasRecent = events.some((e) => !e.historical && (age(e) ?? Infinity) <= stale);
  if (!hasRecent) return events;
  for (const e of events) if ((age(e) ?? 0) > stale) e.historical = true;
  return events;
}
