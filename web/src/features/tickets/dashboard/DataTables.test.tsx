import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatMonth } from '../../../lib/format';
import type { Dashboard } from '../api';
import { figures, summaries } from './data';
import { CountTable, MonthTable, ResolutionTable } from './DataTables';

const sample: Dashboard = {
  open: [
    { status: 'new', priority: 'high', count: 2 },
    { status: 'new', priority: 'normal', count: 1 },
    { status: 'in_progress', priority: 'urgent', count: 1 },
    { status: 'waiting_on_customer', priority: 'normal', count: 3 },
  ],
  months: [
    { month: '2026-01', opened: 4, closed: 2 },
    { month: '2026-02', opened: 1250, closed: 3 },
    { month: '2026-03', opened: 0, closed: 5 },
  ],
  mean_resolution_hours: [
    { priority: 'low', mean_hours: 70.25, tickets: 4 },
    { priority: 'normal', mean_hours: 30, tickets: 10 },
    { priority: 'urgent', mean_hours: 2.5, tickets: 1 },
  ],
  satisfaction: { ratings: 0, average: null },
};

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the dashboard figures', () => {
  const f = figures(sample);

  it('adds up the open tickets by status, every open status shown', () => {
    expect(f.byStatus.map((r) => [r.label, r.count])).toEqual([
      ['New', 3],
      ['In progress', 1],
      ['Waiting on you', 3],
    ]);
  });

  it('adds up the open tickets by priority, every priority shown', () => {
    expect(f.byPriority.map((r) => [r.label, r.count])).toEqual([
      ['Low', 0],
      ['Normal', 4],
      ['High', 2],
      ['Urgent', 1],
    ]);
  });

  it('summarises each chart in one sentence for its aria-label', () => {
    expect(summaries.counts('Open tickets by status', f.byStatus)).toBe(
      'Open tickets by status: New 3, In progress 1, Waiting on you 3.',
    );
    expect(summaries.resolution(f.resolution)).toMatch(/^Mean resolution time by priority: Low 70\.3 hours, Normal 30 hours, High none resolved, Urgent 2\.5 hours\.$/);
    expect(summaries.months(f.months)).toContain(`${formatMonth('2026-01')} to ${formatMonth('2026-03')}`);
  });
});

describe('the tables beside the charts', () => {
  const f = figures(sample);

  it('lists the open tickets by status with a caption and a total', () => {
    render(<CountTable caption="Open tickets by status" heading="Status" rows={f.byStatus} />);
    const table = screen.getByRole('table', { name: 'Open tickets by status' });
    expect(rows(table)).toEqual([
      ['Status', 'Open tickets'],
      ['New', '3'],
      ['In progress', '1'],
      ['Waiting on you', '3'],
      ['Total', '7'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'New' })).toBeInTheDocument();
  });

  it('lists every month with its opened and closed tickets, months and numbers in the locale', () => {
    render(<MonthTable rows={f.months} />);
    const table = screen.getByRole('table', { name: 'Tickets opened and closed per month' });
    expect(rows(table)).toEqual([
      ['Month', 'Opened', 'Closed'],
      [formatMonth('2026-01'), '4', '2'],
      [formatMonth('2026-02'), new Intl.NumberFormat(navigator.language).format(1250), '3'],
      [formatMonth('2026-03'), '0', '5'],
    ]);
  });

  it('lists the mean resolution hours by priority, saying where none were resolved', () => {
    render(<ResolutionTable rows={f.resolution} />);
    const table = screen.getByRole('table', { name: 'Mean resolution time by priority' });
    expect(rows(table)).toEqual([
      ['Priority', 'Mean hours to resolve', 'Tickets resolved'],
      ['Low', '70.3', '4'],
      ['Normal', '30', '10'],
      ['High', 'No tickets resolved', '0'],
      ['Urgent', '2.5', '1'],
    ]);
  });
});
