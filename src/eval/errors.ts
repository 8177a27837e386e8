// A readable list of what extraction missed or invented, per gold document: for error analysis.
import type { EvalResult } from './index.js';
import { sameSpeaker } from './score.js';
import { pushAll } from '../arrays.js';

export function formatErrors(r: EvalResult, fields: string[]): string {
  const out: string[] = [];
  for (const { id, doc, gold } of r.perDoc) {
    const lines: string[] = [];
    const lc = (s: string) => s.toLowerCase();
    if (fields.includes('entities') && gold.entities) {
      const names = doc.entities.map((e) => [e, new Set([lc(e.name), ...e.mentions.map((m) => lc(m.text))])] as const);
      for (const g of gold.entities) {
        const hit = names.find(([, n]) => n.has(lc(g.name)));
        if (!hit) lines.push(`  missed entity   ${g.type} ${g.name}`);
        else if (hit[0].type !== g.type) lines.push(`  mistyped entity ${g.name}: ${hit[0].type}, gold ${g.type}`);
      }
      const goldNames = new Set(gold.entities.map((g) => lc(g.name)));
      for (const [e, n] of names) if (![...n].some((x) => goldNames.has(x))) lines.push(`  extra entity    ${e.type} ${e.name}`);
    }
    if (fields.includes('places') && gold.places) {
      for (const g of gold.places) {
        const p = doc.places.find((p) => lc(p.name) === lc(g.name) || p.mentions.some((m) => lc(m.text) === lc(g.name)));
        if (!p) lines.push(`  missed place    ${g.name}`);
        else if (p.lat !== null && Math.abs(p.lat - g.lat) + Math.abs((p.lon ?? 0) - g.lon) > 2)
          lines.push(`  misplaced       ${g.name}: ${p.country} ${p.lat},${p.lon}, gold ${g.lat},${g.lon}`);
      }
      for (const p of doc.places)
        if (!gold.places.some((g) => lc(g.name) === lc(p.name) || p.mentions.some((m) => lc(m.text) === lc(g.name))))
          lines.push(`  extra place     ${p.name} (${p.country})`);
    }
    if (fields.includes('quotes') && gold.quotes) {
      for (const g of gold.quotes) {
        const q = doc.quotes.find((q) => q.text.includes(g.text) || g.text.includes(q.text));
        if (!q) lines.push(`  missed quote    "${g.text.slice(0, 50)}" (${g.speaker})`);
        else if (!sameSpeaker(g.speaker, q.speaker?.name ?? null))
          lines.push(`  misattributed   "${g.text.slice(0, 40)}": ${q.speaker?.name ?? 'null'}, gold ${g.speaker}`);
      }
      for (const q of doc.quotes)
        if (!gold.quotes.some((g) => q.text.includes(g.text) || g.text.includes(q.text))) lines.push(`  extra quote     "${q.text.slice(0, 50)}"`);
    }
    if (fields.includes('events') && gold.events) {
      for (const g of gold.events)
        lines.push(
          `  gold  ${g.kind} ${g.initiator ?? '-'}→${g.target ?? '-'} @${g.location?.name ?? '-'} ${g.date ?? '-'}${g.historical ? ' hist' : ''}${g.mode && g.mode !== 'actual' ? ' ' + g.mode : ''} k=${g.fatalities ?? '-'} c=${g.civilians ?? '-'} by=${g.claimant ?? '-'}`,
        );
      for (const e of doc.events) {
        const pl = doc.places.find((p) => p.id === e.location?.place);
        lines.push(
          `  pred  ${e.kind} ${e.initiator?.country ?? '-'}→${e.target?.country ?? '-'} @${pl?.name ?? '-'} ${e.time?.start ?? '-'}${e.historical ? ' hist' : ''}${e.mode !== 'actual' ? ' ' + e.mode : ''} k=${e.fatalities?.total ?? '-'} c=${e.fatalities?.civilians ?? '-'} by=${e.claims[0]?.claimant ?? '-'}  «${e.evidence[0]?.text.slice(0, 60)}»`,
        );
      }
    }
    if (lines.length) pushAll(out, [`# ${id}`, ...lines]);
  }
  return out.join('\n') + '\n';
}
