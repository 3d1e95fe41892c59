import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { ok, problem, quote, renderWith } from '../testing';
import QuotePage from './QuotePage';

const me = (authorises = true) => ({
  contact: { id: 'C1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', sees_all_tickets: false, authorises_quotes: authorises },
  company: { id: 'AC', name: 'Acme' },
  account_managers: [],
  modules: ['sites', 'quotes', 'invoices'],
});

/** The page at /quotes/:id, the API answering GETs by path (the quote answers from `quotes` in turn). */
function open(...quotes: ReturnType<typeof quote>[]) {
  let n = 0;
  vi.spyOn(api, 'GET').mockImplementation((async (path: string) => {
    if (path === '/portal/me') return ok(me(quotes[0]?.can_decide ?? false));
    if (path === '/portal/sites/{id}') return ok({ id: 'S2', name: 'Riverside Offices' });
    const q = quotes[Math.min(n, quotes.length - 1)];
    n += 1;
    return ok(q);
  }) as never);
  return renderWith(<QuotePage />, { path: '/quotes/:id', route: `/quotes/${quote().id}` });
}

const gbp = (major: number) => new Intl.NumberFormat(navigator.language, { style: 'currency', currency: 'GBP' }).format(major);

afterEach(() => vi.restoreAllMocks());

describe('QuotePage', () => {
  it('shows the quote: its property, status, lines and totals', async () => {
    open(quote());
    expect(await screen.findByRole('heading', { level: 1, name: 'Q-1002: Annual sprinkler inspection' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Riverside Offices' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000002');
    expect(screen.getByText('Awaiting decision')).toBeInTheDocument();
    const lines = screen.getByRole('table', { name: 'Lines of quote Q-1002' });
    const rows = within(lines)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Description', 'Quantity', 'Unit price', 'Amount'],
      ['Sprinkler inspection', '1', gbp(450), gbp(450)],
      ['Flow test', '2', gbp(75), gbp(150)],
      ['Subtotal', gbp(600)],
      [`Tax (${new Intl.NumberFormat(navigator.language, { style: 'percent' }).format(0.2)})`, gbp(120)],
      ['Total', gbp(720)],
    ]);
  });

  it('authorises after the confirmation, then shows the decision in place of the forms', async () => {
    const user = userEvent.setup();
    open(quote());
    const decided = quote({
      status: 'authorised',
      can_decide: false,
      decision: { name: 'Alice Archer', order_number: 'PO-1', note: null, at: '2026-12-02T10:00:00Z' },
    });
    const post = vi.spyOn(api, 'POST').mockResolvedValue(ok(decided));
    const form = await screen.findByRole('form', { name: 'Authorise' });
    await waitFor(() => expect(within(form).getByRole('textbox', { name: 'Your name' })).toHaveValue('Alice Archer'));
    await user.type(within(form).getByRole('textbox', { name: 'Order number' }), 'PO-1');
    await user.click(within(form).getByRole('button', { name: 'Authorise…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Authorise quote Q-1002?' })).getByRole('button', { name: 'Authorise quote' }));
    expect(post).toHaveBeenCalledWith('/portal/quotes/{id}/authorise', {
      params: { path: { id: quote().id } },
      body: { name: 'Alice Archer', order_number: 'PO-1', note: null },
    });
    expect(await screen.findByText('You authorised quote Q-1002. We will be in touch to book the work.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Decision' })).toBeInTheDocument();
    expect(screen.getByText('PO-1')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Authorise' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Authorised').length).toBeGreaterThan(0);
  });

  it('says when someone else decided meanwhile, and shows their decision', async () => {
    const user = userEvent.setup();
    const theirs = quote({
      status: 'declined',
      can_decide: false,
      decision: { name: 'Carol Chen', order_number: null, note: 'Not this year', at: '2026-12-02T10:00:00Z' },
    });
    open(quote(), theirs);
    vi.spyOn(api, 'POST').mockResolvedValue(
      problem(409, { title: 'Conflict', detail: 'another contact decided this quote a moment ago' }),
    );
    const form = await screen.findByRole('form', { name: 'Authorise' });
    await user.click(within(form).getByRole('button', { name: 'Authorise…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Authorise quote Q-1002?' })).getByRole('button', { name: 'Authorise quote' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('another contact decided this quote a moment ago');
    expect(await screen.findByText('Carol Chen')).toBeInTheDocument();
    expect(screen.getByText('Not this year')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Authorise' })).not.toBeInTheDocument();
  });

  it('tells a contact without the authority that someone who has it must decide', async () => {
    open(quote({ can_decide: false }));
    expect(await screen.findByText(/Someone at your company with the authority to authorise quotes must decide this one/)).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('says an expired quote can no longer be authorised', async () => {
    open(quote({ status: 'expired', can_decide: false, valid_until: '2026-11-20' }));
    expect(await screen.findByText(/This quote expired on .* and can no longer be authorised/)).toBeInTheDocument();
    expect(screen.getByText('Expired')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('says the quote was not found on a 404', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(problem(404, { title: 'Not found' }));
    renderWith(<QuotePage />, { path: '/quotes/:id', route: '/quotes/nope' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Quote not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All quotes' })).toHaveAttribute('href', '/quotes');
  });
});
