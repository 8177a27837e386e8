// Small geometry shared by the gazetteer, the places stage, corroboration and evaluation.

/** A box in degrees: [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
export type BBox = [number, number, number, number];

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}
