// The map: incidents as circles whose area grows with the number killed (up to a cap), coloured
// by kind family, drawn by how precise their place is, clustered where they would overlap, over
// country borders that ship with the package (no tile server). Leaflet is the global L
// (/vendor/leaflet/leaflet.js), Supercluster the global Supercluster (/vendor/supercluster/).
//
// Honest by construction: a toll above the cap is drawn at the cap and says so; tolls that the
// incident's reports give ten times apart are flagged; the legend sits below the map, never over
// a marker; the notes under the map say what is not on it.
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

/** Deaths at which a circle stops growing: one misread "60,000" must not cover three countries. */
export const SIZE_CAP = 1000;
const MIN_RADIUS = 5;

/** Circle radius in pixels: the area is proportional to the number killed, from a minimum size up to the cap. */
export function radius(fatalities) {
  const k = (narrow() ? 0.75 : 1) * (34 / Math.sqrt(SIZE_CAP));
  return Math.max(MIN_RADIUS, k * Math.sqrt(Math.min(fatalities ?? 0, SIZE_CAP)));
}

/** How a place's precision is drawn: a town or point solid, a district dashed, a province or country as a faint ring. */
const PRECISION = {
  point: { label: 'a point or town', dash: null, fill: 0.85 },
  city: { label: 'a point or town', dash: null, fill: 0.85 },
  district: { label: 'a district', dash: '4 3', fill: 0.6 },
  admin1: { label: 'a province or region', dash: '2 4', fill: 0.25 },
  region: { label: 'a province or region', dash: '2 4', fill: 0.25 },
  country: { label: 'a country', dash: '1 5', fill: 0.15 },
};
const precisionOf = (p) => PRECISION[p] ?? PRECISION.city;

export function precisionLabel(p) {
  return p ? precisionOf(p).label : 'unknown precision';
}

function incidentLabel(i) {
  return `${kindLabel(i.kind ?? i.family)} — ${[i.location, i.country3].filter(Boolean).join(', ') || 'place unknown'}`;
}

/** "14 killed", "60,000 killed (above the map's 1,000 scale)", with the spread of reports when it is wide. */
export function tollText(i) {
  if (i.fatalities === null || i.fatalities === undefined) return 'toll not stated';
  let s = `${fmtNumber(i.fatalities)} killed`;
  if (i.fatalities > SIZE_CAP) s += ` (drawn at the map's ${fmtNumber(SIZE_CAP)} cap)`;
  if (i.outlier && i.fatalitiesReported) s += ` ⚠ reports differ widely: ${fmtNumber(i.fatalitiesReported[0])} – ${fmtNumber(i.fatalitiesReported[1])}`;
  return s;
}

function popup(i) {
  return h(
    'div',
    { class: 'popup' },
    h('strong', null, kindLabel(i.kind ?? i.family)),
    h('div', null, [i.location, i.country3].filter(Boolean).join(', ') || 'place unknown', h('span', { class: 'hint' }, ` · ${precisionLabel(i.precision)}`)),
    h('div', null, fmtRange(i.dateStart, i.dateEnd)),
    h('div', { class: i.outlier ? 'outlier' : null }, tollText(i)),
    h('div', null, `${i.corroboration} source${i.corroboration === 1 ? '' : 's'}${i.grade ? ` (${i.grade})` : ''}`),
    h('a', { href: `#/incident/${encodeURIComponent(i.id)}` }, 'Open incident →'),
  );
}

/** Makes a Leaflet path a keyboard stop: a button named by `label`, Enter or Space acting like a click. */
function focusable(layer, label, act) {
  const el = layer.getElement();
  if (!el) return;
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
  el.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    ev.preventDefault();
    act();
  });
}

function sizeSample(n, label = String(n)) {
  const r = radius(n);
  return h('span', null, svg('svg', { width: 2 * r + 2, height: 2 * r + 2, 'aria-hidden': 'true' }, svg('circle', { cx: r + 1, cy: r + 1, r, fill: '#b0bec5', stroke: '#fff' })), label);
}

function precisionSample(p) {
  const s = precisionOf(p);
  return h(
    'span',
    null,
    svg('svg', { width: 22, height: 22, 'aria-hidden': 'true' }, svg('circle', { cx: 11, cy: 11, r: 9, fill: '#78909c', 'fill-opacity': s.fill, stroke: '#37474f', 'stroke-width': 1.5, 'stroke-dasharray': s.dash ?? 'none' })),
    s.label,
  );
}

/** The legend: below the map, where it can hide nothing. */
export function legend() {
  return h(
    'div',
    { class: 'legend', role: 'note', 'aria-label': 'map legend' },
    h('div', { class: 'legend-group' }, h('div', { class: 'legend-title' }, 'Kind'), Object.entries(FAMILIES).map(([k, f]) => h('div', null, h('span', { class: `swatch fam-${k}` }), f.label))),
    h('div', { class: 'legend-group' }, h('div', { class: 'legend-title' }, 'People killed (area)'), h('div', { class: 'sizes' }, sizeSample(10), sizeSample(100), sizeSample(SIZE_CAP, `${fmtNumber(SIZE_CAP)}+`))),
    h('div', { class: 'legend-group' }, h('div', { class: 'legend-title' }, 'Place known to'), h('div', { class: 'precisions' }, ['city', 'district', 'admin1', 'country'].map(precisionSample))),
    h(
      'div',
      { class: 'legend-group' },
      h('div', { class: 'legend-title' }, 'Also'),
      h('div', null, h('span', { class: 'swatch cluster-swatch' }, ''), 'several incidents (click to zoom in)'),
      h('div', null, h('span', { class: 'swatch outlier-swatch' }, ''), 'reported tolls differ tenfold or more'),
    ),
  );
}

/** Leaflet bounds as a filter box (minLon,minLat,maxLon,maxLat), or null when the view spans the whole world. */
export function boundsToBbox(b) {
  const west = b.getWest();
  const east = b.getEast();
  if (east - west >= 360) return null;
  const wrap = (x) => ((((x + 180) % 360) + 360) % 360) - 180;
  const r = (x) => Math.round(x * 100) / 100;
  const s = Math.max(-90, b.getSouth());
  const n = Math.min(90, b.getNorth());
  return [r(wrap(west)), r(s), r(wrap(east)), r(n)].join(',');
}

/**
 * Draws `incidents` in `el`. `country` (alpha-2 or -3) is outlined; `onCountry(a3)` is called when
 * a country is clicked; `bbox` ("minLon,minLat,maxLon,maxLat") is the filter's box, fitted.
 */
export async function drawMap(el, incidents, { country, onCountry, bbox }) {
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
  // Country outlines are for the mouse: out of the keyboard's way (the filter has a country field).
  for (const l of layer.getLayers()) {
    const p = l.getElement();
    if (p) {
      p.setAttribute('tabindex', '-1');
      p.setAttribute('aria-hidden', 'true');
    }
  }

  const located = incidents.filter((i) => i.lat !== null && i.lon !== null);
  const byId = new Map(located.map((i) => [String(i.id), i]));
  // extent 256: Leaflet's tiles are 256 px, so the radius is in screen pixels.
  const index = new Supercluster({ radius: 34, extent: 256, maxZoom: 14, minPoints: 2 });
  index.load(located.map((i) => ({ type: 'Feature', properties: { id: String(i.id) }, geometry: { type: 'Point', coordinates: [i.lon, i.lat] } })));

  const drawn = L.layerGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);

  const incidentMarker = (i) => {
    const s = precisionOf(i.precision);
    const m = L.circleMarker([i.lat, i.lon], {
      radius: radius(i.fatalities),
      color: i.outlier ? '#b71c1c' : s.dash ? '#37474f' : '#fff',
      weight: i.outlier ? 3 : s.dash ? 1.5 : 1,
      dashArray: i.outlier ? '5 3' : s.dash,
      fillColor: familyColor(i.family),
      fillOpacity: s.fill,
      className: `incident fam-${i.family}${i.outlier ? ' outlier' : ''}`,
    })
      .bindTooltip(h('span', null, `${incidentLabel(i)} (${tollText(i)}; place: ${precisionLabel(i.precision)})`))
      .bindPopup(popup(i));
    m.addTo(drawn);
    const el = m.getElement();
    if (el) el.dataset.incident = String(i.id);
    focusable(m, `${incidentLabel(i)}, ${fmtRange(i.dateStart, i.dateEnd)}, ${tollText(i)}`, () => {
      m.openPopup();
      m.getPopup()?.getElement()?.querySelector('a')?.focus();
    });
    return m;
  };

  const clusterMarker = (c) => {
    const [lon, lat] = c.geometry.coordinates;
    const n = c.properties.point_count;
    const members = index.getLeaves(c.id, Infinity).map((f) => byId.get(f.properties.id)).filter(Boolean);
    const killed = members.reduce((a, i) => a + (i.fatalities ?? 0), 0);
    const zoomIn = () => {
      const z = index.getClusterExpansionZoom(c.id);
      if (z <= map.getMaxZoom()) map.flyTo([lat, lon], z);
      else
        // The same place at every zoom: list them instead.
        L.popup()
          .setLatLng([lat, lon])
          .setContent(h('ul', { class: 'cluster-list' }, members.map((i) => h('li', null, h('a', { href: `#/incident/${encodeURIComponent(i.id)}` }, incidentLabel(i)), ` · ${tollText(i)}`))))
          .openOn(map);
    };
    const m = L.marker([lat, lon], {
      // Leaflet would put `html` in as markup: the count goes in as text below.
      icon: L.divIcon({ className: 'cluster', html: '', iconSize: [30, 30] }),
      keyboard: true,
      title: `${n} incidents, ${fmtNumber(killed)} killed — click to zoom in`,
      alt: `${n} incidents`,
    }).on('click', zoomIn);
    m.addTo(drawn);
    const el = m.getElement();
    if (el) {
      el.textContent = String(n);
      el.dataset.count = String(n);
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', `${n} incidents, ${fmtNumber(killed)} killed: zoom in`);
      el.addEventListener('keydown', (ev) => (ev.key === 'Enter' || ev.key === ' ') && (ev.preventDefault(), zoomIn()));
    }
  };

  /** Place names for the largest incidents drawn on their own, skipping labels that would overlap. */
  const label = (singles) => {
    labels.clearLayers();
    const taken = [];
    const order = [...singles].sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0) || b.corroboration - a.corroboration);
    for (const i of order) {
      if (!i.location || taken.length >= 14) continue;
      const p = map.latLngToContainerPoint([i.lat, i.lon]);
      const r = radius(i.fatalities);
      const box = { x0: p.x + r, x1: p.x + r + 8 + 6.5 * i.location.length, y0: p.y - 9, y1: p.y + 9 };
      if (taken.some((t) => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1)) continue;
      taken.push(box);
      L.tooltip({ permanent: true, direction: 'right', offset: [r, 0], className: 'place-label', interactive: false })
        .setLatLng([i.lat, i.lon])
        .setContent(h('span', null, i.location))
        .addTo(labels);
    }
  };

  const render = () => {
    drawn.clearLayers();
    const b = map.getBounds();
    const z = Math.round(map.getZoom());
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    const found = index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], z);
    const singles = found.filter((f) => !f.properties.cluster).map((f) => byId.get(f.properties.id)).filter(Boolean);
    // Incidents first (largest first, so that small ones lie on top and stay clickable; and the
    // first keyboard stop is an incident), clusters after.
    singles.sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0) || String(a.id).localeCompare(String(b.id)));
    singles.forEach(incidentMarker);
    found.filter((f) => f.properties.cluster).forEach(clusterMarker);
    label(singles);
  };

  if (bbox) {
    const [w, s, e, n] = bbox.split(',').map(Number);
    map.fitBounds([
      [s, w],
      [n, e <= w ? e + 360 : e],
    ]);
  } else if (want) {
    const chosen = layer.getLayers().filter((l) => isChosen(l.feature.properties));
    if (chosen.length) map.fitBounds(L.featureGroup(chosen).getBounds(), { padding: [20, 20], maxZoom: 7 });
  } else if (located.length) {
    map.fitBounds(L.latLngBounds(located.map((i) => [i.lat, i.lon])), { padding: [30, 30], maxZoom: 6 });
  }
  render();
  map.on('moveend', render);
  return map;
}

/** A small map of one incident: where it is placed, and where each report puts it. */
export async function drawIncidentMap(el, inc) {
  const map = L.map(el, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, scrollWheelZoom: false });
  map.setView([25, 20], 1);
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas)');
  const geo = await countries();
  L.geoJSON(geo, { style: () => ({ color: '#90a4ae', weight: 0.6, fillColor: '#eceff1', fillOpacity: 1 }), interactive: false }).addTo(map);
  const points = [];
  for (const m of inc.members) {
    const p = m.place;
    if (!p || p.lat === null || p.lon === null) continue;
    points.push([p.lat, p.lon]);
    L.circleMarker([p.lat, p.lon], { radius: 4, color: '#37474f', weight: 1, fillColor: '#fff', fillOpacity: 1, className: 'report-point' })
      .bindTooltip(h('span', null, `${m.article.outlet ?? 'a report'}: ${p.relation} ${p.name} (${precisionLabel(p.precision)})`))
      .addTo(map);
  }
  if (inc.lat !== null && inc.lon !== null) {
    const s = precisionOf(inc.precision);
    L.circleMarker([inc.lat, inc.lon], { radius: 10, color: '#263238', weight: 2, dashArray: s.dash, fillColor: familyColor(inc.family), fillOpacity: s.fill, className: 'incident' })
      .bindTooltip(h('span', null, `${inc.location ?? 'the incident'} (${precisionLabel(inc.precision)})`), { permanent: true, direction: 'right', offset: [10, 0], className: 'place-label' })
      .addTo(map);
    points.push([inc.lat, inc.lon]);
  }
  if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 6 });
  return map;
}
