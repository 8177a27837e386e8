// Hand-built events for the tests: a plausible air strike report, overridden field by field.
import { familyOf } from '../taxonomy.js';
import type { ClaimRef, CorroborationEvent } from './event.js';

/** Coordinates of a few real towns, for readable tests. */
export const AT = {
  damascus: { place: 'Damascus', lat: 33.5102, lon: 36.2913, country: 'SY', admin1: 'Damascus', precision: 'city' as const },
  // Damascus International Airport, ~20 km south-east of the city centre.
  damascusAirport: { place: 'Damascus International Airport', lat: 33.4114, lon: 36.5156, country: 'SY', admin1: 'Rif Dimashq', precision: 'point' as const },
  homs: { place: 'Homs', lat: 34.7324, lon: 36.7137, country: 'SY', admin1: 'Homs', precision: 'city' as const },
  syria: { place: 'Syria', lat: 35, lon: 38, country: 'SY', admin1: null, precision: 'country' as const },
  rifDimashq: { place: 'Rif Dimashq', lat: 33.5167, lon: 36.95, country: 'SY', admin1: 'Rif Dimashq', precision: 'admin1' as const },
  beirut: { place: 'Beirut', lat: 33.8938, lon: 35.5018, country: 'LB', admin1: 'Beyrouth', precision: 'city' as const },
  lebanon: { place: 'Lebanon', lat: 33.8333, lon: 35.8333, country: 'LB', admin1: null, precision: 'country' as const },
  bakhmut: { place: 'Bakhmut', lat: 48.5947, lon: 38.0003, country: 'UA', admin1: 'Donetsk Oblast', precision: 'city' as const },
  soledar: { place: 'Soledar', lat: 48.6833, lon: 38.0667, country: 'UA', admin1: 'Donetsk Oblast', precision: 'city' as const },
  kramatorsk: { place: 'Kramatorsk', lat: 48.7233, lon: 37.5563, country: 'UA', admin1: 'Donetsk Oblast', precision: 'city' as const },
};

export const ISR = { country: 'ISR', name: 'Israel', kind: 'state' };
export const SYR = { country: 'SYR', name: 'Syria', kind: 'state' };
export const RUS = { country: 'RUS', name: 'Russian forces', kind: 'military' };
export const UKR = { country: 'UKR', name: 'Ukrainian forces', kind: 'military' };
export const USA = { country: 'USA', name: 'United States', kind: 'state' };

export function claim(outlet: string, more: Partial<ClaimRef> = {}): ClaimRef {
  return { claimant: null, via: [], outlet, stance: 'asserted', ...more };
}

/** An Israeli air strike on Damascus on 2023-04-04 reported by `outlet`, with `over` applied. */
export function ev(id: string, over: Partial<CorroborationEvent> = {}): CorroborationEvent {
  const kind = over.kind ?? 'air_strike';
  const outlet = over.outlet ?? 'Reuters';
  return {
    id,
    articleId: id.split(':')[0],
    outlet,
    published: '2023-04-05',
    kind,
    family: familyOf(kind),
    initiator: ISR,
    target: SYR,
    ...AT.damascus,
    date: '2023-04-04',
    dateEnd: '2023-04-04',
    datePrecision: 'day',
    claims: [claim(outlet)],
    historical: false,
    mode: 'actual',
    ...over,
  };
}
