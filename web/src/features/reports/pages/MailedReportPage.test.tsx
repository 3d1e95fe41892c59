import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearViewedCustomer, getViewedCustomer, setViewedCustomer } from '../../../lib/portalView';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { signedInAlice } from '../testing';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { default: MailedReportPage } = await import('./MailedReportPage');

const LINK = 'q5Jx0V3kz8f6cR2bW1nLmA9tYp4sHdGe7uKoZiXwNvB';

/** Back, as the browser's button: where the address before this one leads. */
function BackButton() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate(-1)}>
      Back
    </button>
  );
}

/** The emailed link opened from another page (so a replaced address shows on Back), and where it leads. */
function renderLink(link = LINK) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={['/mail', `/reports/mailed/${link}`]} initialIndex={1}>
        <Routes>
          <Route path="/reports/mailed/:link" element={<MailedReportPage />} />
          <Route
            path="*"
            element={
              <>
                <Where />
                <BackButton />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const mailedRequests = () => net.requests().filter((r) => r.startsWith('GET /portal/reports/mailed/'));

beforeEach(() => {
  signedInAlice();
  clearViewedCustomer();
  net.calls = [];
  net.routes = {};
});

afterEach(() => {
  clearViewedCustomer();
});

describe('MailedReportPage', () => {
  it('asks which month the link stands for, then replaces its address with that month’s report', async () => {
    net.routes[`/portal/reports/mailed/${LINK}`] = json(200, { month: '2026-11', expires_at: '2027-02-01T06:00:00Z' });
    renderLink();
    expect(screen.getByRole('heading', { level: 1, name: 'Emailed activity report' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Opening the report…');
    await expectLocation('/reports?month=2026-11');
    expect(mailedRequests()).toEqual([`GET /portal/reports/mailed/${LINK}`]);
    // Replaced, not added: Back goes to where the link was opened from, not to the link again.
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await expectLocation('/mail');
  });

  it('opens the contact’s own company’s report while another company of the group is in view', async () => {
    setViewedCustomer('01JD00000000000000000000AN');
    net.routes[`/portal/reports/mailed/${LINK}`] = json(200, { month: '2026-10', expires_at: '2027-01-01T06:00:00Z' });
    renderLink();
    await expectLocation('/reports?month=2026-10');
    expect(getViewedCustomer()).toBeNull();
  });

  it('says a link that is not the signed-in contact’s (404) is not for this account, with the reports page', async () => {
    net.routes[`/portal/reports/mailed/${LINK}`] = json(404, { type: 'https://problems.customer-portal.dev/not-found', title: 'Not found', status: 404 });
    renderLink();
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not for the account you are signed in with.');
    expect(screen.getByRole('link', { name: 'Go to the activity report' })).toHaveAttribute('href', '/reports');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    // Not found will not change by asking again.
    expect(mailedRequests()).toHaveLength(1);
    expect(screen.queryByTestId('where')).not.toBeInTheDocument();
  });

  it('says an expired link (410) has expired, with the reports page where any month can be chosen', async () => {
    net.routes[`/portal/reports/mailed/${LINK}`] = json(410, {
      type: 'https://problems.customer-portal.dev/gone',
      title: 'No longer available',
      status: 410,
      detail: 'this link has expired; choose the month on the reports page',
    });
    renderLink();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link has expired.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(/choose the month there/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the activity report' })).toHaveAttribute('href', '/reports');
    expect(mailedRequests()).toHaveLength(1);
  });

  it('says why otherwise, with a retry where it may help', async () => {
    let fail = true;
    net.routes[`/portal/reports/mailed/${LINK}`] = () =>
      fail ? json(503, { type: 'about:blank', title: 'Unavailable', status: 503 })() : json(200, { month: '2026-09', expires_at: '2027-01-01T06:00:00Z' })();
    renderLink();
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('busy or briefly unavailable');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expectLocation('/reports?month=2026-09');
  });
});
