import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSession, signedIn } from '../../../lib/session';
import { json } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { TicketEmailsSetting } = await import('./TicketEmailsSetting');

const PATH = '/portal/notifications';

/** Answers GET with the setting, and PUT with what was sent kept (as the API answers a change). */
function settingRoute(ticketEmails: boolean, failPut = () => false) {
  let state = ticketEmails;
  return (request: Request) => {
    if (request.method === 'PUT') {
      if (failPut()) return json(503, { type: 'about:blank', title: 'Unavailable', status: 503 })();
      state = (net.calls[net.calls.length - 1]?.body as { ticket_emails: boolean }).ticket_emails;
    }
    return json(200, { ticket_emails: state })();
  };
}

const region = () => screen.getByRole('region', { name: 'Email notifications' });
const puts = () => net.calls.filter((c) => c.method === 'PUT' && c.path === PATH).map((c) => c.body);

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = { '/portal/me': json(200, {}) };
});

describe('TicketEmailsSetting', () => {
  it('shows ticket emails on, turns them off and says it was saved', async () => {
    net.routes[PATH] = settingRoute(true);
    renderWith(<TicketEmailsSetting />);
    const box = await within(region()).findByRole('checkbox', { name: 'Ticket emails' });
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleDescription(/Emails when your tickets are raised, answered and closed/);
    await userEvent.click(box);
    expect(await within(region()).findByRole('status')).toHaveTextContent('Saved: ticket emails are off.');
    expect(box).not.toBeChecked();
    expect(puts()).toEqual([{ ticket_emails: false }]);
  });

  it('turns them back on', async () => {
    net.routes[PATH] = settingRoute(false);
    renderWith(<TicketEmailsSetting />);
    const box = await within(region()).findByRole('checkbox', { name: 'Ticket emails' });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    await waitFor(() => expect(within(region()).getByRole('status')).toHaveTextContent('Saved: ticket emails are on.'));
    expect(box).toBeChecked();
    expect(puts()).toEqual([{ ticket_emails: true }]);
  });

  it('says when saving failed, shows the setting still saved, and tries again', async () => {
    let fail = true;
    net.routes[PATH] = settingRoute(true, () => fail);
    renderWith(<TicketEmailsSetting />);
    const box = await within(region()).findByRole('checkbox', { name: 'Ticket emails' });
    await userEvent.click(box);
    const alert = await within(region()).findByRole('alert');
    expect(alert).toHaveTextContent('busy or briefly unavailable');
    expect(box).toBeChecked();
    expect(within(region()).getByRole('status')).toBeEmptyDOMElement();
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(box).not.toBeChecked());
    expect(within(region()).getByRole('status')).toHaveTextContent('Saved: ticket emails are off.');
    expect(within(region()).queryByRole('alert')).not.toBeInTheDocument();
    expect(puts()).toEqual([{ ticket_emails: false }, { ticket_emails: false }]);
  });

  it('says so when the setting cannot be read', async () => {
    net.routes[PATH] = json(503, { type: 'about:blank', title: 'Unavailable', status: 503 });
    renderWith(<TicketEmailsSetting />);
    expect(await within(region()).findByRole('alert')).toHaveTextContent('busy or briefly unavailable');
    expect(within(region()).queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
