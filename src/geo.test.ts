import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm } from './geo.js';

test('Damascus to Beirut is about 85 km; a place is 0 km from itself; antipodes half the globe apart', () => {
  const d = distanceKm(33.51, 36.29, 33.89, 35.5);
  assert.ok(d > 80 && d < 90, String(d));
  assert.equal(distanceKm(33.51, 36.29, 33.51, 36.29), 0);
  assert.ok(Math.abs(distanceKm(0, 0, 0, 180) - Math.PI * 6371) < 1e-6);
});
