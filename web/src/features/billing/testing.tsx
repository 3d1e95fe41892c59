// Test helpers of this feature: the shared renderWith, sample data, and answers of the typed client.
import type { InvoiceView, QuoteView } from './api';

export { renderWith } from '../../test/render';

export const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;
export const problem = (status: number, body: unknown) => ({ error: body, response: new Response(null, { status }) }) as never;

export function quote(over: Partial<QuoteView> = {}): QuoteView {
  return {
    id: '01JQUOTE000000000000000002',
    site_id: '01JSITE0000000000000000002',
    number: 'Q-1002',
    kind: 'service',
    defect_ids: [],
    title: 'Annual sprinkler inspection',
    description: null,
    lines: [
      { description: 'Sprinkler inspection', quantity: 1, unit_price: 45_000, amount: 45_000 },
      { description: 'Flow test', quantity: 2, unit_price: 7_500, amount: 15_000 },
    ],
    tax_rate: 2_000,
    currency: 'GBP',
    subtotal: 60_000,
    tax: 12_000,
    total: 72_000,
    valid_until: '2026-12-16',
    sent_at: '2026-12-02T09:00:00Z',
    status: 'sent',
    can_decide: true,
    decision: null,
    version: 2,
    ...over,
  };
}

export function invoice(over: Partial<InvoiceView> = {}): InvoiceView {
  return {
    id: '01JINVOICE0000000000000011',
    site_id: '01JSITE0000000000000000001',
    number: 'INV-1111',
    quote_id: null,
    issued_on: '2026-10-13',
    due_on: '2026-11-12',
    paid_on: null,
    lines: [{ description: 'Planned fire safety maintenance', quantity: 1, unit_price: 125_000, amount: 125_000 }],
    tax_rate: 2_000,
    currency: 'GBP',
    subtotal: 125_000,
    tax: 25_000,
    total: 150_000,
    status: 'unpaid',
    overdue: true,
    has_pdf: true,
    version: 1,
    ...over,
  };
}
