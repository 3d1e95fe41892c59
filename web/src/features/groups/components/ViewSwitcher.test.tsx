import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearViewedCustomer, getViewedCustomer, setViewedCustomer } from '../../../lib/portalView';
import { Where } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';
import GroupPage from '../pages/GroupPage';
import { answerGroup, GROUP, NORTHERN_ID } from '../testing';
import { ViewBanner } from './ViewBanner';
import { ViewSwitcher } from './ViewSwitcher';

function Frame() {
  return (
    <>
      <ViewSwitcher />
      <ViewBanner />
      <Where />
    </>
  );
}

const open = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(await screen.findByRole('button', { name: /^Switch portal/ }));
  return screen.getByRole('list', { name: 'Portals of your group' });
};

beforeEach(() => {
  sessionStorage.clear();
  clearViewedCustomer();
});

afterEach(() => {
  // Unmount first: the view's change would otherwise update a page outside the test.
  cleanup();
  clearViewedCustomer();
  vi.restoreAllMocks();
});

describe('ViewSwitcher', () => {
  it('is not shown to a contact without a group', async () => {
    const get = answerGroup(null);
    renderWith(<Frame />, { path: '/*', route: '/sites' });
    await vi.waitFor(() => expect(get).toHaveBeenCalledWith('/portal/group'));
    await Promise.resolve();
    expect(screen.queryByRole('button', { name: /^Switch portal/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Portal in view' })).not.toBeInTheDocument();
  });

  it('lists the whole group and each company, the own one marked and in view', async () => {
    answerGroup(GROUP);
    const user = userEvent.setup();
    renderWith(<Frame />, { path: '/*', route: '/sites' });
    const toggle = await screen.findByRole('button', { name: 'Switch portal (now viewing Acme Facilities Ltd)' });
    expect(toggle).toHaveTextContent('Portal: Acme Facilities Ltd');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const list = await open(user);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Whole group (Acme Group)',
      'Acme Facilities Ltd (your company)',
      'Acme Northern Ltd',
    ]);
    expect(within(list).getByRole('button', { name: 'Acme Facilities Ltd (your company)' })).toHaveAttribute('aria-current', 'true');
    await user.keyboard('{Escape}');
    expect(list).not.toBeVisible();
    expect(toggle).toHaveFocus();
  });

  it('switching to another company keeps the choice for the tab, drops the cached answers and goes home', async () => {
    answerGroup(GROUP);
    const user = userEvent.setup();
    const { qc } = renderWith(<Frame />, { path: '/*', route: '/sites' });
    qc.setQueryData(['sites', 'list'], ['Acme House']);
    qc.setQueryData(['me'], { contact: {} });
    const list = await open(user);
    await user.click(within(list).getByRole('button', { name: 'Acme Northern Ltd' }));

    expect(getViewedCustomer()).toBe(NORTHERN_ID);
    expect(sessionStorage.getItem('portal.viewed-customer')).toBe(NORTHERN_ID);
    expect(qc.getQueryData(['sites', 'list'])).toBeUndefined();
    // /portal/me follows the view (its modules, `viewing`): read again for the new portal. The group does not.
    expect(qc.getQueryData(['me'])).toBeUndefined();
    expect(qc.getQueryData(['group'])).toEqual(GROUP);
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
    expect(screen.getByRole('button', { name: /^Switch portal/ })).toHaveTextContent('Portal: Acme Northern Ltd');
    expect(screen.getByRole('region', { name: 'Portal in view' })).toHaveTextContent('Viewing Acme Northern Ltd — part of Acme Group');
  });

  it('goes back to one’s own company from the banner, forgetting the choice', async () => {
    answerGroup(GROUP);
    setViewedCustomer(NORTHERN_ID);
    const user = userEvent.setup();
    const { qc } = renderWith(<Frame />, { path: '/*', route: '/tickets' });
    qc.setQueryData(['tickets'], ['Northern ticket']);
    const banner = await screen.findByRole('region', { name: 'Portal in view' });
    await user.click(within(banner).getByRole('button', { name: 'Back to Acme Facilities Ltd' }));
    expect(getViewedCustomer()).toBeNull();
    expect(sessionStorage.getItem('portal.viewed-customer')).toBeNull();
    expect(qc.getQueryData(['tickets'])).toBeUndefined();
    expect(screen.queryByRole('region', { name: 'Portal in view' })).not.toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
  });

  it('opens the whole-group page without changing the portal in view', async () => {
    answerGroup(GROUP);
    const user = userEvent.setup();
    const { qc } = renderWith(<Frame />, { path: '/*', route: '/sites' });
    qc.setQueryData(['sites', 'list'], ['Acme House']);
    const list = await open(user);
    await user.click(within(list).getByRole('button', { name: 'Whole group (Acme Group)' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/group');
    expect(getViewedCustomer()).toBeNull();
    expect(qc.getQueryData(['sites', 'list'])).toEqual(['Acme House']);
  });

  it('falls back to one’s own company when the stored choice is not in the group', async () => {
    answerGroup(GROUP);
    setViewedCustomer('01JD00000000000000000000ZZ');
    renderWith(<Frame />, { path: '/*', route: '/sites' });
    await waitFor(() => expect(getViewedCustomer()).toBeNull());
    expect(screen.getByRole('button', { name: /^Switch portal/ })).toHaveTextContent(`Portal: Acme Facilities Ltd`);
  });
});

describe('GroupPage', () => {
  it('shows the group’s table and switches to a company from it', async () => {
    answerGroup(GROUP);
    const user = userEvent.setup();
    renderWith(
      <>
        <GroupPage />
        <Where />
      </>,
      { path: '/*', route: '/group' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Whole group: Acme Group' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'View Acme Northern Ltd’s portal' }));
    expect(getViewedCustomer()).toBe(NORTHERN_ID);
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
  });

  it('says so to a contact without a group', async () => {
    answerGroup(null);
    renderWith(<GroupPage />, { path: '/*', route: '/group' });
    expect(await screen.findByText('You do not belong to a client group.')).toBeInTheDocument();
  });
});
