// Test helpers of this feature: the shared renderWith, a signed-in session and sample results.
import { resetSession, signedIn } from '../../lib/session';
import type { SearchResult } from './api';

export { renderWith } from '../../test/render';

/** A session the typed client sends a token for (the fake network answers whatever it is asked). */
export function signedInAlice() {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
}

export const SITE_ID = '01JSITE0000000000000000001';

export function result(over: Partial<SearchResult> = {}): SearchResult {
  return { kind: 'site', id: SITE_ID, site_id: SITE_ID, title: 'Acme House', detail: '1 Example Street, London', ...over };
}

/** One result of each kind, as the API answers them. */
export const ONE_OF_EACH: SearchResult[] = [
  result(),
  result({ kind: 'asset', id: '01JASSET000000000000000001', title: 'Extinguisher EXT-001', detail: 'Ground floor, reception' }),
  result({ kind: 'defect', id: '01JDEFECT00000000000000001', title: 'Extinguisher pressure low', detail: null }),
  result({ kind: 'quote', id: '01JQUOTE000000000000000001', title: 'Annual extinguisher service', detail: 'Q-1001' }),
  result({ kind: 'invoice', id: '01JINVOICE0000000000000011', title: 'Extinguisher refills', detail: 'INV-1111' }),
  result({ kind: 'job', id: '01JJOB00000000000000000001', site_id: null, title: 'Extinguisher inspection', detail: 'J-2001' }),
  result({ kind: 'ticket', id: '01JTICKET00000000000000001', site_id: null, title: 'Extinguisher missing', detail: '#1042' }),
  result({ kind: 'document', id: '01JDOC00000000000000000001', site_id: null, title: 'Extinguisher certificate.pdf', detail: 'Certificates/2026' }),
  result({ kind: 'article', id: '01JARTICLE0000000000000001', site_id: null, title: 'Checking an extinguisher', detail: 'Look at the gauge.' }),
  result({ kind: 'data_sheet', id: '01JSHEET000000000000000001', site_id: null, title: 'Extinguisher survey', detail: 'Alice Archer' }),
];
