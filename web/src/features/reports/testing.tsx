// Test helpers of this feature: the shared renderWith, a signed-in session and a sample report.
import { resetSession, signedIn } from '../../lib/session';
import type { ActivityReport } from './api';

export { renderWith } from '../../test/render';

/** A session the typed client sends a token for (the fake network answers whatever it is asked). */
export function signedInAlice() {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
}

export const ACME_HOUSE = '01JSITE0000000000000000001';
export const RIVERSIDE = '01JSITE0000000000000000002';

/** November 2026 at Acme, as the API answers it: some of each, a few figures of nothing. */
export function report(over: Partial<ActivityReport> = {}): ActivityReport {
  return {
    customer_id: '01JD00000000000000000000AC',
    customer_name: 'Acme Facilities Ltd',
    business: 'Demo Fire & Security',
    month: '2026-11',
    time_zone: 'Europe/London',
    as_of: '2026-12-02',
    empty: false,
    sections: [
      {
        key: 'tickets',
        title: 'Tickets',
        figures: [
          { key: 'tickets_opened', label: 'Opened', count: 4, amounts: [] },
          { key: 'tickets_closed', label: 'Closed', count: 0, amounts: [] },
        ],
      },
      {
        key: 'invoices',
        title: 'Invoices',
        figures: [
          { key: 'invoices_issued', label: 'Issued', count: 2, amounts: [{ currency: 'GBP', minor: 150_000 }, { currency: 'EUR', minor: 1_050 }] },
          { key: 'invoices_paid', label: 'Paid', count: 0, amounts: [] },
        ],
      },
    ],
    site_columns: [
      { key: 'defects_raised', label: 'Defects raised' },
      { key: 'invoices_issued', label: 'Invoices' },
    ],
    sites: [
      { site_id: ACME_HOUSE, name: 'Acme House', values: [3, 1] },
      { site_id: RIVERSIDE, name: 'Riverside Offices', values: [0, 1] },
    ],
    quiet_sites: 3,
    trend: {
      months: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      series: [
        { key: 'tickets_opened', label: 'Tickets opened', values: [1, 0, 2, 5, 3, 4] },
        { key: 'defects_raised', label: 'Defects raised', values: [0, 0, 1, 0, 2, 3] },
      ],
    },
    ...over,
  };
}

/** The same month with nothing in it. */
export function emptyReport(): ActivityReport {
  const full = report();
  return {
    ...full,
    empty: true,
    sections: full.sections.map((s) => ({ ...s, figures: s.figures.map((f) => ({ ...f, count: 0, amounts: [] })) })),
    sites: [],
    quiet_sites: 5,
    trend: { ...full.trend, series: full.trend.series.map((s) => ({ ...s, values: s.values.map(() => 0) })) },
  };
}
