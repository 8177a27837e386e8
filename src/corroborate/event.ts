// What corroboration needs to know about one event read from one article: a flat record, made from
// a contract Document by fromDocument (from-document.ts) or by hand in tests.
import type { Mode, Stance } from '../contract.js';

/** An actor as far as matching goes. */
export interface ActorRef {
  /** ISO 3166-1 alpha-3 of the state it belongs to or stands for, or null when not known */
  country: string | null;
  /** the name as reported ("Israeli warplanes", "Houthis") */
  name: string;
  /** the contract's actor kind (state, military, government, armed_group, civilians, …) */
  kind?: string;
  /** a side nobody identified, named by the event's country ("Unidentified Armed Group (Syria)"): no evidence of who acted */
  unidentified?: boolean;
}

/** One claim of the event: who asserts it, through whom, in which outlet, how. */
export interface ClaimRef {
  /** who asserts the fact ("an anonymous military source"), or null when the outlet itself does */
  claimant: string | null;
  /** the chain between claimant and outlet, nearest the claimant first (["SANA"]) */
  via: string[];
  /** the outlet that published it (usually the article's outlet) */
  outlet: string | null;
  stance: Stance;
  /** what the claimant resolves to, when known: "the Israeli military" → ISR, military */
  actor?: ActorRef | null;
}

export type PlacePrecision = 'point' | 'city' | 'district' | 'admin1' | 'region' | 'country';
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'unknown';

export interface CorroborationEvent {
  /** unique across the store, stable across re-ingestion (fromDocument: "<articleId>:<eventId>") */
  id: string;
  /** the article it was read from: events of one article are never matched with each other */
  articleId: string;
  /** the outlet that published the article, as given ("Mehr News Agency") */
  outlet: string | null;
  /**
   * who wrote the copy, when it is not the outlet: the id of a wire service credited in the text
   * ("(Reuters)" → "reuters"). Reprints of one wire story share it and count as one source.
   * Undefined: the outlet's own story.
   */
  outletGroup?: string;
  /** publication date of the article, ISO 8601 (date or datetime), or null */
  published: string | null;
  /** taxonomy kind (data/taxonomy.yaml) */
  kind: string;
  /** taxonomy family of the kind: only events of one family can be one incident */
  family: string;
  /** who acted; for an interception, the air defence */
  initiator?: ActorRef | null;
  /** who was acted on; for an interception, the attacker */
  target?: ActorRef | null;
  /** where: the place's name, coordinates, country (alpha-2), first-order division and precision */
  place?: string | null;
  lat?: number | null;
  lon?: number | null;
  country?: string | null;
  admin1?: string | null;
  precision?: PlacePrecision | null;
  /** when: ISO dates and the precision of the expression they were read from */
  date?: string | null;
  dateEnd?: string | null;
  datePrecision?: DatePrecision | null;
  /** people killed (total) and, of them, civilians; people injured. Null or absent: not stated */
  fatalities?: number | null;
  civilians?: number | null;
  injuries?: number | null;
  /** who reports the event (at least one in a contract document) */
  claims: ClaimRef[];
  /** background ("In July 2020 …") rather than news of the report */
  historical: boolean;
  mode: Mode;
  /** the sentence(s) the event was read from: near-identical evidence marks a reprint */
  evidence?: string;
  /**
   * the local places its sentences name (nameKey of each mention: towns, villages, districts,
   * sites), whether the gazetteer knows them or not; countries, provinces and regions, and the
   * dateline, left out. Two reports naming one ("Kwahaslalek", "Hodan district") agree on place.
   */
  toponyms?: string[];
}
