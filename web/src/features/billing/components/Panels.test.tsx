import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { formatMonth } from '../../../lib/format';
import type { SpendPanel } from '../api';
import { ActivityPanelView } from './ActivityPanel';
import { spendFigures, spendSummary } from './spendFigures';

// The chart itself needs a canvas (not in jsdom); its table carries the same figures.
vi.mock('./SpendChart', () => ({
  default: ({ figures }: { figures: { months: unknown[] } }) => <p data-testid="chart">{figures.months.length} months charted</p>,
}));
const { SpendPanelView } = await import('./SpendPanel');

const money = (major: number, currency = 'GBP') => new Intl.NumberFormat(navigator.language, { style: 'currency', currency }).format(major);

describe('ActivityPanelView', () => {
  it('counts the quotes and invoices waiting, with their value, and links to the lists', () => {
    render(
      <MemoryRouter>
        <ActivityPanelView
          panel={{
            quotes_awaiting: 2,
            quotes_expired: 1,
            quote_value: { GBP: { current: 94_200, past: 93_600 } },
            invoices_overdue: 2,
            invoices_due: 1,
            owed: { GBP: { past: 193_200, current: 62_400 }, EUR: { past: 1_000, current: 0 } },
          }}
        />
      </MemoryRouter>,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      `2 Quotes awaiting a decisionValue of quotes awaiting: ${money(942)}See the quotes`,
      `1 Quotes expired without a decisionValue of expired quotes: ${money(936)}`,
      `2 Invoices overdueOwed, overdue: ${money(10, 'EUR')} + ${money(1932)}See the invoices`,
      `1 Invoices due, not yet overdueOwed, not yet due: ${money(624)}`,
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'See the quotes' })).toHaveAttribute('href', '/quotes');
    expect(within(items[2]!).getByRole('link', { name: 'See the invoices' })).toHaveAttribute('href', '/invoices');
  });

  it('says nothing is owed when nothing is', () => {
    render(
      <MemoryRouter>
        <ActivityPanelView panel={{ quotes_awaiting: 0, quotes_expired: 0, quote_value: {}, invoices_overdue: 0, invoices_due: 0, owed: {} }} />
      </MemoryRouter>,
    );
    expect(screen.getAllByText(/: Nothing$/)).toHaveLength(4);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});

const spend: SpendPanel = {
  months: [
    { month: '2026-10', amounts: { GBP: 117_600 } },
    { month: '2026-11', amounts: {} },
    { month: '2026-12', amounts: { GBP: 62_400, EUR: 5_000 } },
  ],
};

describe('SpendPanelView', () => {
  it('tables every month in every currency beside the chart', async () => {
    render(<SpendPanelView panel={spend} />);
    await screen.findByTestId('chart');
    const table = screen.getByRole('table', { name: 'Invoiced per month, last 12 months' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)),
    ).toEqual([
      ['Month issued', 'Invoiced (EUR)', 'Invoiced (GBP)'],
      [formatMonth('2026-10'), money(0, 'EUR'), money(1176)],
      [formatMonth('2026-11'), money(0, 'EUR'), money(0)],
      [formatMonth('2026-12'), money(50, 'EUR'), money(624)],
    ]);
    expect(screen.getByTestId('chart')).toHaveTextContent('3 months charted');
  });

  it('summarises the chart in one sentence for its label', () => {
    expect(spendSummary(spendFigures(spend))).toBe(
      `Invoiced per month, ${formatMonth('2026-10')} to ${formatMonth('2026-12')}: ${money(50, 'EUR')} + ${money(1800)} in all.`,
    );
  });

  it('says when nothing was invoiced', () => {
    render(<SpendPanelView panel={{ months: [{ month: '2026-12', amounts: {} }] }} />);
    expect(screen.getByText('Nothing was invoiced in the last 12 months.')).toBeInTheDocument();
  });
});
