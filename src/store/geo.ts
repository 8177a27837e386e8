// Small geometry for the store's filters: boxes around points, bounding boxes from the CLI.

/** Latitude/longitude box around a point that contains every point within `km` of it. */
export function boxAround(lat: number, lon: number, km: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = km / 111.2;
  const cos = Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180);
  const dLon = Math.min(180, km / (111.32 * cos));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** "minLon,minLat,maxLon,maxLat" → numbers, or an error message. A box across the antimeridian has minLon > maxLon. */
export function parseBbox(s: string): [number, number, number, number] | string {
  const parts = s.split(',').map((x) => x.trim());
  if (parts.length !== 4 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return `expected minLon,minLat,maxLon,maxLat (four numbers), got "${s}"`;
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number);
  if ([minLon, maxLon].some((x) => x < -180 || x > 180)) return `longitudes must lie in -180..180: "${s}"`;
  if ([minLat, maxLat].some((x) => x < -90 || x > 90)) return `latitudes must lie in -90..90: "${s}"`;
  if (minLat > maxLat) return `minLat is above maxLat: "${s}"`;
  return [minLon, minLat, maxLon, maxLat];
}
