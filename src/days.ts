// Calendar arithmetic on day numbers (days since 1970-01-01, UTC), shared by the dates stage,
// corroboration, metadata and evaluation: one place that says what a real date is.

import { memo } from './memo.js';

export const DAY_MS = 86_400_000;

/** The day number of a calendar day; Date.UTC's roll-over applies (month 13 is next January, day 0 the last of the month before). */
export function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** [year, month, day] of a day number. */
export function dateOf(n: number): [number, number, number] {
  const t = new Date(n * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday */
export const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;
/** The Monday of the week a day is in. */
export const mondayOf = (n: number) => n - ((weekdayOf(n) + 6) % 7);
/** The last day of a month. */
export const monthEnd = (y: number, m: number) => dayOf(y, m + 1, 0);

/** Whether year, month and day name a day of the calendar (not 31 April, not 29 February 2023). */
export function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The day number of an ISO date or datetime (its date part), or null when it is no real date. */
export function dayNumber(iso: string | null | undefined): number | null {
  return iso ? dayOfIso(iso.slice(0, 10)) : null;
}

// Distinct dates are few (a few thousand over a decade); the bound only guards odd input.
const dayOfIso = memo((d: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m && isRealDate(+m[1], +m[2], +m[3]) ? dayOf(+m[1], +m[2], +m[3]) : null;
}, 100_000);
