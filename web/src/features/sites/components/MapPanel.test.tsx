import { describe, expect, it } from 'vitest';
import type { SiteFeature } from '../api';
import { pinsOf } from './MapPanel';

const feature = (id: string, coordinates: number[], worst: SiteFeature['properties']['worst_severity']): SiteFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties: { name: `Site ${id}`, open_defects: 2, worst_severity: worst },
});

describe('pinsOf', () => {
  it('reads GeoJSON’s longitude-then-latitude, and a site with nothing open as "none"', () => {
    expect(pinsOf([feature('A', [-0.0982, 51.5203], 'critical'), feature('B', [-0.1511, 51.5432], null)])).toEqual([
      { id: 'A', name: 'Site A', lat: 51.5203, lng: -0.0982, level: 'critical', openDefects: 2 },
      { id: 'B', name: 'Site B', lat: 51.5432, lng: -0.1511, level: 'none', openDefects: 2 },
    ]);
  });

  it('leaves out a point it cannot place', () => {
    expect(pinsOf([feature('A', [], 'critical'), feature('B', [Number.NaN, 1], null)])).toEqual([]);
  });
});
