// Events per day as an SVG bar chart. Click a bar to see that day (or week), drag across bars to
// choose a range: both set the filter's from/to.
import { h, svg } from './dom.js';

const DAY = 86_400_000;
const H = 110;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

function dayNum(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function isoOf(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** Counts per bucket from the first to the last day, with empty days filled in. */
function buckets(days) {
  const counts = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value)).map((d) => [dayNum(d.value), d.count]);
  if (!counts.length) return { size: 1, bars: [] };
  const lo = Math.min(...counts.map((c) => c[0]));
  const hi = Math.max(...counts.map((c) => c[0]));
  // Daily bars up to about a year; weekly or monthly-sized buckets beyond, so bars stay visible.
  const size = hi - lo <= 370 ? 1 : hi - lo <= 5 * 370 ? 7 : 30;
  const bars = [];
  for (let d = lo; d <= hi; d += size) bars.push({ from: d, to: Math.min(hi, d + size - 1), count: 0 });
  for (const [d, n] of counts) bars[Math.floor((d - lo) / size)].count += n;
  return { size, bars };
}

/**
 * The chart for facet days; `selected` is {from, to} (ISO or null); `onPick(from, to)` is called
 * with ISO days when the user clicks or brushes.
 */
export function timeline(days, selected, onPick) {
  const box = h('figure', { class: 'timeline' });
  const { size, bars } = buckets(days);
  const unit = size === 1 ? 'day' : size === 7 ? 'week' : '30 days';
  const caption = h('figcaption', null, bars.length ? `Events per ${unit} — click a bar or drag across bars to filter by date` : 'No dated events');
  box.append(caption);
  if (!bars.length) return box;

  const draw = () => {
    const W = Math.max(300, box.clientWidth || 800);
    const max = Math.max(...bars.map((b) => b.count), 1);
    const bw = (W - PAD.left - PAD.right) / bars.length;
    const y = (n) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - n / max);
    const selFrom = selected.from ? dayNum(selected.from) : null;
    const selTo = selected.to ? dayNum(selected.to) : null;
    const chosen = (b) => (selFrom !== null || selTo !== null) && (selFrom === null || b.to >= selFrom) && (selTo === null || b.from <= selTo);
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `events per ${unit}` });
    chart.append(
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, class: 'axis' }),
      svg('text', { x: PAD.left - 4, y: PAD.top + 8, class: 'tick', 'text-anchor': 'end' }, String(max)),
      svg('text', { x: PAD.left - 4, y: H - PAD.bottom, class: 'tick', 'text-anchor': 'end' }, '0'),
    );
    bars.forEach((b, i) => {
      const x = PAD.left + i * bw;
      const bar = svg(
        'rect',
        {
          x: x + Math.min(1, bw * 0.1),
          width: Math.max(1, bw - Math.min(2, bw * 0.2)),
          y: y(b.count),
          height: H - PAD.bottom - y(b.count),
          class: chosen(b) ? 'bar chosen' : 'bar',
          dataset: { from: isoOf(b.from), to: isoOf(b.to) },
        },
        svg('title', null, `${size === 1 ? isoOf(b.from) : `${isoOf(b.from)} – ${isoOf(b.to)}`}: ${b.count} event${b.count === 1 ? '' : 's'}`),
      );
      chart.append(bar);
    });
    // Date labels at both ends and, where there is room, in between.
    const labels = Math.max(2, Math.min(8, Math.floor(W / 110)));
    for (let k = 0; k < labels; k++) {
      const i = Math.round((k * (bars.length - 1)) / (labels - 1));
      const x = PAD.left + (i + 0.5) * bw;
      chart.append(svg('text', { x, y: H - 6, class: 'tick', 'text-anchor': k === 0 ? 'start' : k === labels - 1 ? 'end' : 'middle' }, isoOf(bars[i].from)));
      if (bars.length === 1) break;
    }
    const brush = svg('rect', { class: 'brush', y: PAD.top, height: H - PAD.top - PAD.bottom, x: 0, width: 0, visibility: 'hidden' });
    chart.append(brush);

    const indexAt = (ev) => {
      const r = chart.getBoundingClientRect();
      const x = ((ev.clientX - r.left) / r.width) * W;
      return Math.max(0, Math.min(bars.length - 1, Math.floor((x - PAD.left) / bw)));
    };
    let start = null;
    chart.addEventListener('pointerdown', (ev) => {
      start = indexAt(ev);
      chart.setPointerCapture(ev.pointerId);
    });
    chart.addEventListener('pointermove', (ev) => {
      if (start === null) return;
      const i = indexAt(ev);
      const a = Math.min(start, i);
      const b = Math.max(start, i);
      brush.setAttribute('x', PAD.left + a * bw);
      brush.setAttribute('width', (b - a + 1) * bw);
      brush.setAttribute('visibility', 'visible');
    });
    chart.addEventListener('pointerup', (ev) => {
      if (start === null) return;
      const i = indexAt(ev);
      const a = bars[Math.min(start, i)];
      const b = bars[Math.max(start, i)];
      start = null;
      onPick(isoOf(a.from), isoOf(b.to));
    });
    return chart;
  };

  let current = null;
  const render = () => {
    const c = draw();
    if (current) current.replaceWith(c);
    else box.insertBefore(c, caption);
    current = c;
  };
  // Drawn once the figure is in the page, so that its width is known; redrawn when that changes.
  // The figure is made before it is put in the page: a size report may come while it is still
  // detached (width 0), so such a report waits for the next rather than ending the watch. The
  // watch ends when the figure, once drawn, leaves the page.
  const ro = new ResizeObserver(() => {
    if (!box.isConnected) {
      if (current) ro.disconnect();
      return;
    }
    if (!box.clientWidth) return;
    if (!current || Math.abs(Number(current.getAttribute('width')) - box.clientWidth) > 4) render();
  });
  ro.observe(box);
  // And once it is in the page, whatever the observer reports: the first frame after insertion.
  const whenAttached = () => {
    if (current) return;
    if (box.isConnected && box.clientWidth) return render();
    if (tries++ > 600) return; // about ten seconds: never shown (the page changed), stop looking
    requestAnimationFrame(whenAttached);
  };
  let tries = 0;
  requestAnimationFrame(whenAttached);
  return box;
}
