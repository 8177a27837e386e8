// The map: incidents as circles sized by fatalities and coloured by kind family, over country
// borders that ship with the package (no tile server). Leaflet is the global L from
// /vendor/leaflet/leaflet.js.
import { FAMILIES, familyColor, fmtNumber, fmtRange, h, kindLabel, svg } from './dom.js';

let borders = null;
function countries() {
  borders ??= fetch('/geo/countries.json').then((r) => {
    if (!r.ok) throw new Error(`country borders: ${r.status}`);
    return r.json();
  });
  return borders;
}

const narrow = () => !window.matchMedia('(min-width: 761px)').matches;

/** Circle radius in pixels: the area grows with the number killed (smaller on a phone's map). */
export function radius(fatalities) {
  return (narrow() ? 0.6 : 1) * (5 + 2.2 * Math.sqrt(Math.min(fatalities ?? 0, 2000)));
}

function popup(i) {
  return h(
    'div',
    { class: 'popup' },
    h('strong', null, kindLabel(i.kind ?? i.family)),
    h('div', null, [i.location, i.country3].filter(Boolean).join(', ') || 'place unknown'),
    h('div', null, fmtRange(i.dateStart, i.dateEnd)),
    h('div', null, `Killed: ${fmtNumber(i.fatalities)} · ${i.corroboration} source${i.corroboration === 1 ? '' : 's'}${i.grade ? ` (${i.grade})` : ''}`),
    h('a', { href: `#/incident/${i.id}` }, 'Open incident →'),
  );
}

function sizeSample(n) {
  const r = radius(n);
  return h('span', null, svg('svg', { width: 2 * r + 2, height: 2 * r + 2, 'aria-hidden': 'true' }, svg('circle', { cx: r + 1, cy: r + 1, r, fill: '#b0bec5', stroke: '#fff' })), String(n));
}

/** Kind colours and circle sizes; folded away on narrow screens, where it would hide the map. */
function legend() {
  // On a phone the attribution spans the bottom edge: the legend goes to the top.
  const c = L.control({ position: narrow() ? 'topright' : 'bottomleft' });
  c.onAdd = () => {
    const el = h(
      'details',
      { class: 'legend', open: !narrow() },
      h('summary', null, 'Legend'),
      h('div', { class: 'legend-title' }, 'Kind'),
      Object.entries(FAMILIES).map(([k, f]) => h('div', null, h('span', { class: `swatch fam-${k}` }), f.label)),
      h('div', { class: 'legend-title' }, 'People killed'),
      h('div', { class: 'sizes' }, [1, 10, 100].map(sizeSample)),
    );
    // Clicks on the legend are not clicks on the map below it.
    L.DomEvent.disableClickPropagation(el);
    return el;
  };
  return c;
}

/**
 * Draws `incidents` in `el`. `country` (alpha-2 or -3) is outlined; `onCountry(a3)` is called when
 * a country is clicked.
 */
export async function drawMap(el, incidents, { country, onCountry }) {
  const map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas)');
  map.setView([25, 20], 2);
  const geo = await countries();
  const want = country ? country.toUpperCase() : null;
  const isChosen = (p) => want && (p.a2 === want || p.a3 === want);
  const layer = L.geoJSON(geo, {
    style: (f) => ({
      color: isChosen(f.properties) ? '#263238' : '#90a4ae',
      weight: isChosen(f.properties) ? 2 : 0.6,
      fillColor: isChosen(f.properties) ? '#fff8e1' : '#eceff1',
      fillOpacity: 1,
    }),
    onEachFeature: (f, l) => {
      if (!f.properties.name) return;
      l.bindTooltip(h('span', null, f.properties.name), { sticky: true, direction: 'top', className: 'country-tip' });
      if (f.properties.a3) l.on('click', () => onCountry(f.properties.a3));
    },
  }).addTo(map);

  const located = incidents.filter((i) => i.lat !== null && i.lon !== null);
  // Biggest first, so that small circles stay clickable on top of big ones.
  located.sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0));
  const markers = located.map((i) =>
    L.circleMarker([i.lat, i.lon], {
      radius: radius(i.fatalities),
      color: '#fff',
      weight: 1,
      fillColor: familyColor(i.family),
      fillOpacity: 0.85,
      className: `incident fam-${i.family}`,
    })
      .bindTooltip(h('span', null, `${kindLabel(i.kind ?? i.family)} — ${i.location ?? ''} (${fmtNumber(i.fatalities)} killed)`))
      .bindPopup(popup(i))
      .addTo(map),
  );
  legend().addTo(map);
  if (want) {
    const chosen = layer.getLayers().filter((l) => isChosen(l.feature.properties));
    if (chosen.length) map.fitBounds(L.featureGroup(chosen).getBounds(), { padding: [20, 20], maxZoom: 7 });
  } else if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [30, 30], maxZoom: 6 });
  }
  return map;
}
