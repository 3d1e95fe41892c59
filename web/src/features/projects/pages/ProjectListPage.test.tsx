import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { project, renderWith, signedInAlice } from '../testing';
import ProjectListPage from './ProjectListPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

function renderAt(route: string) {
  return renderWith(
    <>
      <ProjectListPage />
      <Where />
    </>,
    { path: '/projects', route },
  );
}

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {
    '/portal/projects': (request) =>
      new URL(request.url).searchParams.get('state') === 'closed'
        ? json(200, { items: [project({ id: 'P9', name: 'Annual compliance review', status: 'completed' })], next_cursor: null })()
        : json(200, { items: [project()], next_cursor: null })(),
  };
});

describe('ProjectListPage', () => {
  it('lists the open projects first, and the closed ones when chosen, keeping the choice in the address', async () => {
    const user = userEvent.setup();
    renderAt('/projects');
    expect(await screen.findByRole('table', { name: 'Open projects' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fire panel replacement, Acme House' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Open' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Closed' }));
    await expectLocation('/projects?status=closed');
    expect(await screen.findByRole('table', { name: 'Closed projects' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Annual compliance review' })).toBeInTheDocument();
    expect(net.requests()).toEqual(['GET /portal/projects?state=open&limit=25', 'GET /portal/projects?state=closed&limit=25']);
  });

  it('opens at the closed list from its address, and says when a list is empty', async () => {
    net.routes['/portal/projects'] = json(200, { items: [], next_cursor: null });
    renderAt('/projects?status=closed');
    expect(await screen.findByText('There are no closed projects.')).toBeInTheDocument();
    await waitFor(() => expect(net.requests()).toEqual(['GET /portal/projects?state=closed&limit=25']));
  });
});
