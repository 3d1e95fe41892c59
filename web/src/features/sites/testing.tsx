// Test helpers of this feature: the shared renderWith, and sample data.
import type { AssetView, DefectsPanel, SiteView } from './api';

export { renderWith } from '../../test/render';

export function site(over: Partial<SiteView> = {}): SiteView {
  return {
    id: '01JSITE0000000000000000001',
    name: 'Acme House',
    address: { line1: '1 Example Street', city: 'London', postcode: 'EC1A 1AA', country: 'United Kingdom' },
    attention: {
      open_defects: 3,
      overdue_invoices: 1,
      quotes_awaiting: 2,
      worst_severity: 'critical',
      by_severity: { critical: 1, non_critical: 1, non_conformance: 1, recommendation: 1, information: 0 },
    },
    latitude: 51.5203,
    longitude: -0.0982,
    notes: 'Keys with the front desk.',
    updated_at: '2026-11-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

export function asset(over: Partial<AssetView> = {}): AssetView {
  return {
    id: '01JASSET000000000000000001',
    site_id: '01JSITE0000000000000000001',
    asset_type: 'extinguisher',
    identifier: 'EXT-001',
    location: 'Ground floor lobby',
    notes: null,
    last_service: '2026-08-01',
    next_service: '2027-02-01',
    contact_editable: ['location', 'notes'],
    worst_severity: 'critical',
    updated_at: '2026-11-01T10:00:00Z',
    version: 3,
    ...over,
  };
}

export const summary: DefectsPanel = {
  open_by_severity: { critical: 4, non_critical: 3, non_conformance: 4, recommendation: 2, information: 2 },
  months: [
    { month: '2026-10', open: 2, resolved: 1 },
    { month: '2026-11', open: 1250, resolved: 0 },
    { month: '2026-12', open: 3, resolved: 4 },
  ],
  assets_by_type: [
    { asset_type: 'fire_door', total: 12, by_worst: { critical: 1, non_conformance: 1, recommendation: 1, none: 9 } },
    { asset_type: 'extinguisher', total: 12, by_worst: { critical: 1, none: 11 } },
    { asset_type: 'sprinkler_head', total: 2, by_worst: { none: 2 } },
  ],
};
