// What `sitrep eval --acled` prints: a table of scores (overall, by country, by ACLED event type),
// the misses note by note (--errors), or the same as JSON (--json).
import { FIELDS, type AcledEvaluation, type AcledScores, type Field } from './acled.js';

const LABEL: Record<Field, string> = {
  event_type: 'event type',
  sub_event_type: 'sub-event type',
  actor1: 'actor1 (initiator)',
  actor2: 'actor2 (target)',
  location: 'location ≤ 50 km',
  date: 'date',
  fatalities: 'fatalities exact',
};

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

function row(label: string, s: AcledScores): string {
  const cells = [
    String(s.notes).padStart(5),
    pct(s.noEvent, s.notes),
    pct(s.fields.event_type.right, s.fields.event_type.scored),
    pct(s.fields.sub_event_type.right, s.fields.sub_event_type.scored),
    pct(s.fields.actor1.right, s.fields.actor1.scored),
    pct(s.fields.actor2.right, s.fields.actor2.scored),
    pct(s.fields.location.right, s.fields.location.scored),
    pct(s.fields.date.right, s.fields.date.scored),
    pct(s.fields.fatalities.right, s.fields.fatalities.scored),
  ];
  return `${label.slice(0, 28).padEnd(28)} ${cells.join(' ')}`;
}

export function formatAcledTable(r: AcledEvaluation): string {
  const t = r.total;
  const out = [
    `ACLED export ${r.file}: ${t.notes} notes scored${r.skipped.length ? `, ${r.skipped.length} rows without notes skipped` : ''} (read for measurement only; nothing from it is stored)`,
    'primary event = the highest-confidence event not in the background; publication day = event_date + 3 days',
    `${'field'.padEnd(20)} ${'right'.padStart(6)} ${'scored'.padStart(6)}  share`,
    `${'no event found'.padEnd(20)} ${String(t.noEvent).padStart(6)} ${String(t.notes).padStart(6)} ${pct(t.noEvent, t.notes)}`,
  ];
  for (const f of FIELDS) {
    const s = t.fields[f];
    out.push(`${LABEL[f].padEnd(20)} ${String(s.right).padStart(6)} ${String(s.scored).padStart(6)} ${pct(s.right, s.scored)}`);
  }
  const header = `${''.padEnd(28)} ${'notes'.padStart(5)} ${['no ev', 'type', 'sub', 'actor1', 'actor2', 'loc', 'date', 'fatal'].map((h) => h.padStart(6)).join(' ')}`;
  for (const [title, groups] of [
    ['by country', r.byCountry],
    ['by ACLED event type', r.byEventType],
  ] as const) {
    out.push('', `${title}:`, header);
    for (const [k, s] of Object.entries(groups)) out.push(row(k, s));
  }
  return out.join('\n') + '\n';
}

/** The misses note by note: what ACLED coded, what sitrep said, and the note itself. */
export function formatAcledErrors(r: AcledEvaluation, fields: readonly string[] = FIELDS): string {
  const out: string[] = [];
  for (const n of r.results) {
    const misses = n.outcomes.filter((o) => !o.right && fields.includes(o.field));
    if (!misses.length) continue;
    out.push(`# ${n.row.id} (${n.row.country || '-'}, ${n.row.date}, line ${n.row.line})${n.noEvent ? ' no event found' : ''}`);
    for (const o of misses) out.push(`  ${o.field.padEnd(15)} ACLED ${o.expected}  |  sitrep ${o.got}`);
    if (n.primary) out.push(`  evidence        «${n.primary.evidence.map((e) => e.text).join(' … ').slice(0, 240)}»`);
    out.push(`  note            ${n.row.notes.replace(/\s+/g, ' ')}`);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

function scoresJson(s: AcledScores) {
  return {
    notes: s.notes,
    no_event: { count: s.noEvent, share: s.notes ? s.noEvent / s.notes : 0 },
    fields: Object.fromEntries(FIELDS.map((f) => [f, { right: s.fields[f].right, scored: s.fields[f].scored, accuracy: s.fields[f].scored ? s.fields[f].right / s.fields[f].scored : null }])),
  };
}

export function acledJson(r: AcledEvaluation, withErrors = false, fields: readonly string[] = FIELDS): object {
  return {
    file: r.file,
    skipped_rows: r.skipped.map((s) => s.id),
    ...scoresJson(r.total),
    by_country: Object.fromEntries(Object.entries(r.byCountry).map(([k, s]) => [k, scoresJson(s)])),
    by_event_type: Object.fromEntries(Object.entries(r.byEventType).map(([k, s]) => [k, scoresJson(s)])),
    ...(withErrors
      ? {
          errors: r.results
            .map((n) => ({ id: n.row.id, line: n.row.line, misses: n.outcomes.filter((o) => !o.right && fields.includes(o.field)) }))
            .filter((e) => e.misses.length),
        }
      : {}),
  };
}
