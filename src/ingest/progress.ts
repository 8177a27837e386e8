// Progress of an ingest run: a bar redrawn in place on a terminal, a plain line every few seconds
// otherwise (logs, CI), nothing with --quiet. Rates count inputs handled, of every outcome.
export type ProgressMode = 'tty' | 'log' | 'quiet';

export interface Counts {
  new: number;
  revision: number;
  duplicate: number;
  skipped: number;
  rejected: number;
}

function clock(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const ss = String(Math.floor(s % 60)).padStart(2, '0');
  return h ? `${h}:${String(m % 60).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export class Progress {
  private readonly t0 = Date.now();
  private last = Date.now();
  private bytes = 0;
  done = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly totalBytes: number,
    private readonly write: (s: string) => void,
    private readonly everyMs = mode === 'tty' ? 100 : 5000,
  ) {}

  get seconds(): number {
    return (Date.now() - this.t0) / 1000;
  }

  rate(): number {
    return this.done / Math.max(0.001, this.seconds);
  }

  tick(bytes: number, c: Counts): void {
    this.bytes += bytes;
    this.done++;
    const now = Date.now();
    if (this.mode === 'quiet' || now - this.last < this.everyMs) return;
    this.last = now;
    this.draw(c);
  }

  private draw(c: Counts): void {
    const frac = this.totalBytes > 0 ? Math.min(1, this.bytes / this.totalBytes) : null;
    const eta = frac && frac > 0 ? (this.seconds * (1 - frac)) / frac : NaN;
    const tally = `new ${c.new}, rev ${c.revision}, dup ${c.duplicate}, stored before ${c.skipped}, rejected ${c.rejected}`;
    if (this.mode === 'tty') {
      const width = 24;
      const bar = frac === null ? '' : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '-')}] ${(frac * 100).toFixed(0).padStart(3)}% `;
      this.write(`\r\x1b[K${bar}${this.done} articles, ${this.rate().toFixed(0)}/s, ETA ${clock(eta)} (${tally})`);
    } else {
      const pct = frac === null ? '' : ` ${(frac * 100).toFixed(0)}%,`;
      this.write(`ingest:${pct} ${this.done} articles, ${this.rate().toFixed(0)}/s, ETA ${clock(eta)} (${tally})\n`);
    }
  }

  finish(): void {
    if (this.mode === 'tty') this.write('\r\x1b[K');
  }
}
