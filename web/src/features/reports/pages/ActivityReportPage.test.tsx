import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearViewedCustomer, setViewedCustomer, VIEW_HEADER } from '../../../lib/portalView';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { currentMonth } from '../month';
import { ACME_HOUSE, emptyReport, renderWith, report, RIVERSIDE, signedInAlice } from '../testing';

// The chart itself needs a canvas (not in jsdom); its table carries the same figures.
vi.mock('../../../components/MonthBarsChart', () => ({
  default: ({ labels, summary }: { labels: string[]; summary: string }) => (
    <p data-testid="chart" aria-label={summary}>
      {labels.length} months charted
    </p>
  ),
}));

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { default: ActivityReportPage } = await import('./ActivityReportPage');

function renderAt(route: string) {
  return renderWith(
    <>
      <ActivityReportPage />
      <Where />
    </>,
    { path: '/reports', route },
  );
}

const money = (major: number, currency = 'GBP') => new Intl.NumberFormat(navigator.language, { style: 'currency', currency }).format(major);
const shortMonth = (y: number, mo: number) => new Intl.DateTimeFormat(navigator.language, { month: 'short', year: 'numeric' }).format(new Date(y, mo - 1, 1));
const day = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(new Date(2026, 11, 2));
const reportRequests = () => net.requests().filter((r) => r.startsWith('GET /portal/reports/activity'));
const picker = () => screen.getByLabelText('Month');
const section = (name: string) => screen.getByRole('region', { name });

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {
    '/portal/reports/activity': (request) => {
      const month = new URL(request.url).searchParams.get('month');
      return json(200, report(month ? { month } : {}))();
    },
    '/portal/reports/subscription': json(200, { subscribed: false, since: null, email: 'alice@acme.example' }),
  };
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ActivityReportPage', () => {
  it('shows the current month by default: header, sections, chart with its table, properties', async () => {
    renderAt('/reports');
    expect(screen.getByRole('heading', { level: 1, name: 'Activity report' })).toBeInTheDocument();
    expect(await screen.findByText('Acme Facilities Ltd · November 2026')).toBeInTheDocument();
    // No month in the address: the API's default (the current month), not one the browser guessed.
    expect(reportRequests()).toEqual(['GET /portal/reports/activity']);
    expect(screen.getByText(`Months in Europe/London, figures as of ${day}`)).toBeInTheDocument();

    // The picker shows the report's month and goes no later than this month.
    expect(picker()).toHaveValue('2026-11');
    expect(picker()).toHaveAttribute('type', 'month');
    expect(picker().getAttribute('max')! >= currentMonth()).toBe(true);

    // Sections: a card each, a row per figure; figures of nothing kept, but muted.
    const tickets = within(section('Tickets')).getByRole('table', { name: 'Tickets' });
    const rows = within(tickets).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Opened4', 'Closed0']);
    expect(rows[1]!.className).toMatch(/zero/);
    expect(rows[0]!.className).not.toMatch(/zero/);
    // Money from minor units, in each currency; a dash where there is none.
    const invoices = within(section('Invoices')).getByRole('table', { name: 'Invoices' });
    expect(within(invoices).getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(within(invoices).getByRole('row', { name: /Issued/ })).toHaveTextContent(`Issued2${money(1500)}, ${money(10.5, 'EUR')}`);
    expect(within(invoices).getByRole('row', { name: /Paid/ })).toHaveTextContent('Paid0—');
    expect(screen.queryByText(/Nothing happened/)).not.toBeInTheDocument();

    // The six months: a chart named by its summary, and a table of the same figures.
    const trend = section('Six months');
    expect(await within(trend).findByTestId('chart')).toHaveTextContent('6 months charted');
    expect(within(trend).getByTestId('chart')).toHaveAccessibleName(/Tickets opened 15, Defects raised 6/);
    const trendTable = within(trend).getByRole('table', { name: `Activity per month, ${shortMonth(2026, 6)} to ${shortMonth(2026, 11)}` });
    expect(within(trendTable).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Month', 'Tickets opened', 'Defects raised']);
    expect(within(trendTable).getAllByRole('row')).toHaveLength(7);
    expect(within(trendTable).getByRole('row', { name: new RegExp(shortMonth(2026, 9)) })).toHaveTextContent(`${shortMonth(2026, 9)}50`);

    // Per property: the API's columns, a row per property with activity, and how many had none.
    const sites = within(section('Per property')).getByRole('table', { name: 'Activity per property, November 2026' });
    expect(within(sites).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Property', 'Defects raised', 'Invoices']);
    expect(within(sites).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Acme House', 'Riverside Offices']);
    expect(within(sites).getByRole('row', { name: /Acme House/ })).toHaveTextContent('Acme House31');
    expect(screen.getByText('3 other properties had no activity this month.')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Open PDF' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('asks for the month in the address, and a month picked goes into the address', async () => {
    renderAt('/reports?month=2026-09');
    expect(await screen.findByText('Acme Facilities Ltd · September 2026')).toBeInTheDocument();
    expect(picker()).toHaveValue('2026-09');
    expect(reportRequests()).toEqual(['GET /portal/reports/activity?month=2026-09']);

    fireEvent.change(picker(), { target: { value: '2026-10' } });
    await expectLocation('/reports?month=2026-10');
    expect(await screen.findByText('Acme Facilities Ltd · October 2026')).toBeInTheDocument();
    expect(reportRequests()).toEqual(['GET /portal/reports/activity?month=2026-09', 'GET /portal/reports/activity?month=2026-10']);
    expect(screen.getByRole('table', { name: 'Activity per property, October 2026' })).toBeInTheDocument();
  });

  it('says when nothing happened, still with the PDF and CSV', async () => {
    net.routes['/portal/reports/activity'] = json(200, emptyReport());
    renderAt('/reports?month=2026-11');
    expect(await screen.findByText('Nothing happened in November 2026.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open PDF' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
    // The sections stay, every figure of nothing.
    expect(within(section('Tickets')).getByRole('row', { name: /Opened/ })).toHaveTextContent('Opened0');
    expect(screen.getByText('No property had any activity this month.')).toBeInTheDocument();
    expect(screen.getByText('5 other properties had no activity this month.')).toBeInTheDocument();
  });

  it('shows a refused month’s message at the picker, and no report', async () => {
    net.routes['/portal/reports/activity'] = json(422, {
      type: 'https://problems.customer-portal.dev/validation',
      title: 'Validation failed',
      status: 422,
      errors: [{ field: 'month', message: 'is in the future (the current month is 2026-12)' }],
    });
    renderAt('/reports?month=2099-01');
    await waitFor(() => expect(picker()).toHaveAttribute('aria-invalid', 'true'));
    expect(picker()).toHaveAccessibleDescription(/is in the future \(the current month is 2026-12\)/);
    expect(picker()).toHaveValue('2099-01');
    expect(screen.queryByRole('region', { name: 'Tickets' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open PDF' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the report cannot be read (the module switched off answers 404), without a retry', async () => {
    net.routes['/portal/reports/activity'] = json(404, { type: 'https://problems.customer-portal.dev/not-found', title: 'Not found', status: 404 });
    renderAt('/reports');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We could not find this.');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(picker()).not.toHaveAttribute('aria-invalid');
    expect(reportRequests()).toEqual(['GET /portal/reports/activity']);
  });

  it('opens the PDF: asks for its link on click, then opens it in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const url = 'http://127.0.0.1:4566/reports/activity-2026-11.pdf?X-Amz-Signature=s';
    net.routes['/portal/reports/activity/pdf'] = json(200, { url, expires_at: '2026-12-02T12:05:00Z', rendered: true });
    renderAt('/reports?month=2026-11');
    await userEvent.click(await screen.findByRole('button', { name: 'Open PDF' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith(url, '_blank', 'noopener'));
    expect(net.requests()).toContain('GET /portal/reports/activity/pdf?month=2026-11');
    expect(await screen.findByText('The PDF of the report for November 2026 opened in a new tab.')).toBeInTheDocument();
  });

  it('says why the PDF could not be opened', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    net.routes['/portal/reports/activity/pdf'] = json(503, { type: 'about:blank', title: 'Unavailable', status: 503 });
    renderAt('/reports?month=2026-11');
    await userEvent.click(await screen.findByRole('button', { name: 'Open PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('busy or briefly unavailable');
    expect(open).not.toHaveBeenCalled();
  });

  it('downloads the CSV of the month shown as activity-YYYY-MM.csv', async () => {
    // The current month by default: the files are of the month the API answered with.
    const create = vi.fn(() => 'blob:http://portal/csv');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    net.routes['/portal/reports/activity/csv'] = () =>
      new Response('section,figure,count\nTickets,Opened,4\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    // After the PDF, what is announced is the download, the last thing done.
    vi.spyOn(window, 'open').mockReturnValue(null);
    net.routes['/portal/reports/activity/pdf'] = json(200, { url: 'http://127.0.0.1:4566/r.pdf', expires_at: '2026-12-02T12:05:00Z', rendered: false });
    renderAt('/reports');
    await userEvent.click(await screen.findByRole('button', { name: 'Open PDF' }));
    expect(await screen.findByText('The PDF of the report for November 2026 opened in a new tab.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('Downloaded activity-2026-11.csv.')).toBeInTheDocument();
    expect(screen.queryByText(/opened in a new tab/)).not.toBeInTheDocument();
    expect(net.requests()).toContain('GET /portal/reports/activity/csv?month=2026-11');
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('activity-2026-11.csv');
  });

  it('links to the routine activity report when the company has routine maintenance, not in the group’s report', async () => {
    net.routes['/portal/me'] = json(200, { modules: ['reports', 'routine', 'sites'] });
    const { unmount } = renderAt('/reports');
    expect(await screen.findByRole('link', { name: 'Routine activity report' })).toHaveAttribute('href', '/reports/routine');
    unmount();
    net.routes['/portal/me'] = json(200, { modules: ['reports'] });
    renderAt('/reports');
    await screen.findByText('Acme Facilities Ltd · November 2026');
    await waitFor(() => expect(net.requests()).toContain('GET /portal/me'));
    expect(screen.queryByRole('link', { name: 'Routine activity report' })).not.toBeInTheDocument();
  });
});

describe('ActivityReportPage’s monthly email', () => {
  it('shows the contact’s subscription under the company’s report', async () => {
    renderAt('/reports?month=2026-11');
    const panel = await screen.findByRole('region', { name: 'Monthly email' });
    expect(await within(panel).findByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
    expect(within(panel).getByText(/alice@acme\.example on the 1st of each month/)).toBeInTheDocument();
    expect(net.requests()).toContain('GET /portal/reports/subscription');
  });

  it('is not offered in the whole group’s report, nor while another company of the group is in view', async () => {
    const { unmount } = renderAt('/reports?group=1');
    await screen.findByText('Acme Facilities Ltd · November 2026');
    expect(screen.queryByRole('region', { name: 'Monthly email' })).not.toBeInTheDocument();
    unmount();
    setViewedCustomer('01JD00000000000000000000AN');
    try {
      renderAt('/reports');
      await screen.findByText('Acme Facilities Ltd · November 2026');
      expect(screen.queryByRole('region', { name: 'Monthly email' })).not.toBeInTheDocument();
    } finally {
      clearViewedCustomer();
    }
    expect(net.requests()).not.toContain('GET /portal/reports/subscription');
  });
});

describe('ActivityReportPage for the whole group', () => {
  beforeEach(() => {
    net.routes['/portal/me'] = json(200, { modules: ['reports', 'routine'] });
    net.routes['/portal/reports/activity'] = (request) => {
      const q = new URL(request.url).searchParams;
      const group = q.get('group') === 'true';
      return json(
        200,
        report({
          ...(q.get('month') ? { month: q.get('month')! } : {}),
          ...(group
            ? {
                customer_name: 'National (group)',
                sites: [
                  { site_id: ACME_HOUSE, name: 'Acme Facilities Ltd – Acme House', values: [3, 1] },
                  { site_id: RIVERSIDE, name: 'Northern Estates – Leeds Office', values: [0, 2] },
                ],
              }
            : {}),
        }),
      )();
    };
  });

  it('asks with group=true, and says in its header that it is the whole group’s', async () => {
    renderAt('/reports?group=1');
    expect(screen.getByRole('heading', { level: 1, name: 'Group activity report' })).toBeInTheDocument();
    expect(await screen.findByText('National (group) · November 2026')).toBeInTheDocument();
    expect(screen.getByText(/The whole group’s report/)).toBeInTheDocument();
    expect(reportRequests()).toEqual(['GET /portal/reports/activity?group=true']);
    const sites = screen.getByRole('table', { name: 'Activity per property, November 2026' });
    expect(within(sites).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Acme Facilities Ltd – Acme House',
      'Northern Estates – Leeds Office',
    ]);
    // The routine report is a company's: not offered here.
    expect(screen.queryByRole('link', { name: 'Routine activity report' })).not.toBeInTheDocument();
  });

  it('keeps the group in the address when another month is picked', async () => {
    renderAt('/reports?group=1&month=2026-09');
    expect(await screen.findByText('National (group) · September 2026')).toBeInTheDocument();
    fireEvent.change(picker(), { target: { value: '2026-10' } });
    await expectLocation('/reports?group=1&month=2026-10');
    expect(await screen.findByText('National (group) · October 2026')).toBeInTheDocument();
    expect(reportRequests()).toEqual([
      'GET /portal/reports/activity?month=2026-09&group=true',
      'GET /portal/reports/activity?month=2026-10&group=true',
    ]);
  });

  it('asks for the group’s PDF and CSV, without naming a viewed company', async () => {
    setViewedCustomer('01JD00000000000000000000AN');
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const create = vi.fn(() => 'blob:http://portal/csv');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const headers: (string | null)[] = [];
    net.routes['/portal/reports/activity/pdf'] = (request) => {
      headers.push(request.headers.get(VIEW_HEADER));
      return json(200, { url: 'http://127.0.0.1:4566/g.pdf', expires_at: '2026-12-02T12:05:00Z', rendered: true })();
    };
    net.routes['/portal/reports/activity/csv'] = (request) => {
      headers.push(request.headers.get(VIEW_HEADER));
      return new Response('section,figure,count\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    };
    try {
      renderAt('/reports?group=1&month=2026-11');
      await userEvent.click(await screen.findByRole('button', { name: 'Open PDF' }));
      await waitFor(() => expect(open).toHaveBeenCalledWith('http://127.0.0.1:4566/g.pdf', '_blank', 'noopener'));
      await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
      expect(await screen.findByText('Downloaded activity-2026-11.csv.')).toBeInTheDocument();
      expect(net.requests()).toContain('GET /portal/reports/activity/pdf?month=2026-11&group=true');
      expect(net.requests()).toContain('GET /portal/reports/activity/csv?month=2026-11&group=true');
      expect(headers).toEqual([null, null]);
    } finally {
      clearViewedCustomer();
    }
  });
});
