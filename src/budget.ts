// The time an article may take in the pipeline (issue 15): past it, extraction stops with an
// InputError naming the input, between stages and between the windows of the long ones. The
// process is not interrupted: a stage that never returns is the worker pool's to stop.
import type { Doc } from './doc.js';
import { InputError } from './errors.js';

/** Seconds an article may take unless the caller says otherwise (`--time-limit`). */
export const DEFAULT_TIME_LIMIT_S = 10;

interface Budget {
  source: string;
  seconds: number;
  deadline: number;
}

const budgets = new WeakMap<Doc, Budget>();

/** The article over its time budget: a problem with the input, counted as a rejection. */
export class TimeLimitError extends InputError {
  constructor(source: string, seconds: number, where: string) {
    super(source, `took longer than the time limit of ${seconds} s (stopped in stage "${where}"); a longer --time-limit may let it finish`);
  }
}

/** Gives `doc` `seconds` from `started` (performance.now(), default now); 0 or Infinity: no limit. */
export function setBudget(doc: Doc, source: string, seconds: number, started = performance.now()): void {
  if (!(seconds > 0) || seconds === Infinity) {
    budgets.delete(doc);
    return;
  }
  budgets.set(doc, { source, seconds, deadline: started + seconds * 1000 });
}

/** Throws TimeLimitError when `doc`'s budget is spent; `where`: the stage it is in. */
export function checkBudget(doc: Doc, where: string): void {
  const b = budgets.get(doc);
  if (b && performance.now() > b.deadline) throw new TimeLimitError(b.source, b.seconds, where);
}

/** A --time-limit value: positive seconds, or 0 for none. */
export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT_S;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InputError('--time-limit', `"${value}" is not a number of seconds (0: no limit)`);
  return n;
}
