import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { invoice, ok, quote, renderWith } from '../testing';
import { InvoiceTable } from './InvoiceTable';
import { QuoteTable } from './QuoteTable';

const gbp = (major: number) => new Intl.NumberFormat(navigator.language, { style: 'currency', currency: 'GBP' }).format(major);
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

/** The API as these tables meet it: the company has the sites module, and each site answers its name. */
function api200(modules = ['sites', 'quotes', 'invoices']) {
  vi.spyOn(api, 'GET').mockImplementation((async (path: string, init?: { params?: { path?: { id?: string } } }) => {
    if (path === '/portal/me') return ok({ contact: {}, company: {}, account_managers: [], modules });
    const id = init?.params?.path?.id;
    return ok({ id, name: id === '01JSITE0000000000000000001' ? 'Acme House' : 'Riverside Offices' });
  }) as never);
}

afterEach(() => vi.restoreAllMocks());

describe('QuoteTable', () => {
  it('lists the quotes awaiting a decision, each linked to its page, expired ones marked', async () => {
    api200();
    renderWith(
      <QuoteTable
        filter="sent"
        page={1}
        quotes={[quote(), quote({ id: 'Q3', number: 'Q-1003', title: 'Fire door glazing', status: 'expired', total: 100_050, valid_until: '2026-11-20' })]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Quotes awaiting a decision, newest first' });
    await within(table).findAllByRole('link', { name: 'Riverside Offices' });
    expect(rows(table)).toEqual([
      ['Quote', 'Title', 'Property', 'Valid until', 'Total', 'Status'],
      ['Q-1002', 'Annual sprinkler inspection', 'Riverside Offices', formatDate('2026-12-16'), gbp(720), 'Awaiting decision'],
      ['Q-1003', 'Fire door glazing', 'Riverside Offices', formatDate('2026-11-20'), gbp(1000.5), 'Expired'],
    ]);
    expect(within(table).getByRole('link', { name: 'Q-1002' })).toHaveAttribute('href', '/quotes/01JQUOTE000000000000000002');
  });

  it('shows when a decided quote was decided, and no property on the property’s own page', () => {
    api200();
    const decided = quote({ status: 'authorised', decision: { name: 'A', at: '2026-11-03T10:00:00Z', order_number: 'PO-7781' } });
    renderWith(<QuoteTable filter="authorised" page={2} quotes={[decided]} hideSite />);
    const table = screen.getByRole('table', { name: 'Authorised quotes, newest first, page 2' });
    expect(rows(table)[0]).toEqual(['Quote', 'Title', 'Decided', 'Total', 'Status']);
    expect(rows(table)[1]).toEqual(['Q-1002', 'Annual sprinkler inspection', formatDate('2026-11-03T10:00:00Z'), gbp(720), 'Authorised']);
  });

  it('shows no property name without the sites module', () => {
    api200(['quotes']);
    renderWith(<QuoteTable filter="sent" page={1} quotes={[quote()]} />);
    expect(screen.queryByRole('link', { name: 'Riverside Offices' })).not.toBeInTheDocument();
  });

  it('says when a list is empty', () => {
    api200();
    renderWith(<QuoteTable filter="declined" page={1} quotes={[]} />);
    expect(screen.getByText('No quotes have been declined.')).toBeInTheDocument();
  });
});

describe('InvoiceTable', () => {
  it('marks overdue invoices and opens a PDF where there is one', async () => {
    api200();
    const user = userEvent.setup();
    const onOpenPdf = vi.fn();
    const due = invoice({ id: 'I13', number: 'INV-1113', overdue: false, has_pdf: false, due_on: '2026-12-22', total: 62_400 });
    renderWith(<InvoiceTable filter="unpaid" page={1} opening={null} onOpenPdf={onOpenPdf} invoices={[invoice(), due]} />);
    const table = screen.getByRole('table', { name: 'Unpaid invoices, earliest due first' });
    await within(table).findAllByRole('link', { name: 'Acme House' });
    expect(rows(table)).toEqual([
      ['Invoice', 'Property', 'Issued', 'Due', 'Total', 'Status', 'PDF'],
      ['INV-1111', 'Acme House', formatDate('2026-10-13'), formatDate('2026-11-12'), gbp(1500), 'Overdue', 'Open PDF'],
      ['INV-1113', 'Acme House', formatDate('2026-10-13'), formatDate('2026-12-22'), gbp(624), 'Unpaid', 'None'],
    ]);
    await user.click(within(table).getByRole('button', { name: 'Open the PDF of INV-1111' }));
    expect(onOpenPdf).toHaveBeenCalledWith(invoice());
  });

  it('does not ask twice while the PDF link is on its way', async () => {
    api200();
    const user = userEvent.setup();
    const onOpenPdf = vi.fn();
    renderWith(<InvoiceTable filter="unpaid" page={1} opening={invoice().id} onOpenPdf={onOpenPdf} invoices={[invoice()]} />);
    await user.click(screen.getByRole('button', { name: 'Open the PDF of INV-1111' }));
    expect(onOpenPdf).not.toHaveBeenCalled();
    expect(screen.getByText('Opening…')).toBeInTheDocument();
  });

  it('shows the payment date of a paid invoice', () => {
    api200();
    const paid = invoice({ status: 'paid', overdue: false, paid_on: '2026-11-08', has_pdf: false });
    renderWith(<InvoiceTable filter="paid" page={1} opening={null} onOpenPdf={vi.fn()} invoices={[paid]} hideSite />);
    const table = screen.getByRole('table', { name: 'Paid invoices, newest first' });
    expect(rows(table)[0]).toEqual(['Invoice', 'Issued', 'Paid', 'Total', 'Status', 'PDF']);
    expect(rows(table)[1]).toEqual(['INV-1111', formatDate('2026-10-13'), formatDate('2026-11-08'), gbp(1500), 'Paid', 'None']);
  });
});
