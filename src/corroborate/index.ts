// Cross-source corroboration: which reports describe one incident, and what they agree on.
// Rules: README.md beside this file. Thresholds and outlet data: data/corroboration.yaml.
export type { ActorRef, ClaimRef, CorroborationEvent, DatePrecision, PlacePrecision } from './event.js';
export { compareEvents, conflictBetween, sameIncident, dayRange, type Comparison } from './same.js';
export { groupIncidents, incidentIdOf, linkedFamilies, linkIncidents, type Incident } from './link.js';
export { summarise, type Field, type Grade, type IncidentSummary, type Reported } from './summarise.js';
export { claimChain, sourceGroups, textSimilarity, type SourceGroup } from './sources.js';
export { fromDocument, type FromDocumentOptions } from './from-document.js';
export { outletIn, outletNamed, wireCredits, type OutletInfo } from './config.js';
