import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { resetSession, signedIn } from '../../../lib/session';
import { FakeXhr, useFakeXhr } from '../../../test/fakeXhr';
import { json } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';
import type { PortalTicket } from '../api';
import TicketPage from './TicketPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const ME = {
  contact: { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example', phone: null, mobile: null, title: null },
  company: { id: 'AC', name: 'Acme Facilities Ltd', address: {} },
  account_managers: [],
  modules: ['tickets'],
};

const NEW: PortalTicket = {
  id: 'T1',
  number: 1042,
  subject: 'Boiler leaking',
  description: 'Water on the floor',
  status: 'new',
  type: 'fault',
  priority: 'high',
  contact: 'Alice Archer',
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
  closed_at: null,
  conversation: [],
  attachments: [],
  raised_by_me: true,
  editable: true,
  ratable: false,
  rating: null,
  reopen_until: null,
  confidential: false,
  sla: { response: null, resolution: null },
};

const CLOSED: PortalTicket = {
  ...NEW,
  status: 'closed',
  closed_at: '2026-03-02T09:00:00Z',
  editable: false,
  ratable: true,
  reopen_until: '2026-03-16T09:00:00Z',
};

const PATH = '/portal/tickets/T1';
let current: PortalTicket;

/** The ticket as the API has it now (GET), and what a change answers. */
function serve(changes: Record<string, (request: Request) => Response> = {}) {
  net.routes[PATH] = (request) => (request.method === 'GET' ? json(200, current)() : (changes[PATH] ?? json(405))(request));
  for (const [path, route] of Object.entries(changes)) if (path !== PATH) net.routes[path] = route;
}

/** A change the API accepts: the ticket becomes `next`, and the answer is it. */
const becomes = (next: PortalTicket) => () => {
  current = next;
  return json(200, next)();
};

/** A refusal that leaves the ticket as `next` (read again after it). */
const refused = (status: number, body: unknown, next?: PortalTicket) => () => {
  if (next) current = next;
  return json(status, body)();
};

function renderPage() {
  return renderWith(<TicketPage />, { path: '/tickets/:id', route: '/tickets/T1' });
}

const callsTo = (method: string, path: string) => net.calls.filter((c) => c.method === method && c.path === path);

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = { '/portal/me': json(200, ME) };
  current = NEW;
});

describe('TicketPage: editing a new ticket', () => {
  it('turns subject and description into a form and saves the changes', async () => {
    const user = userEvent.setup();
    serve({ [PATH]: becomes({ ...NEW, subject: 'Boiler leaking badly', description: 'Water everywhere' }) });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit ticket' });
    await user.clear(within(form).getByLabelText(/Subject/));
    await user.type(within(form).getByLabelText(/Subject/), 'Boiler leaking badly');
    await user.clear(within(form).getByLabelText(/Description/));
    await user.type(within(form).getByLabelText(/Description/), 'Water everywhere');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ticket 1042: Boiler leaking badly' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit ticket' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Description' })).toHaveTextContent('Water everywhere');
    expect(screen.getByText('Your changes were saved.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(callsTo('PUT', PATH).map((c) => c.body)).toEqual([{ subject: 'Boiler leaking badly', description: 'Water everywhere' }]);
  });

  it('cancels without sending, and offers no Edit on a ticket that is not editable', async () => {
    const user = userEvent.setup();
    serve();
    const { unmount } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText(/Subject/), ' (draft)');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ticket 1042: Boiler leaking');
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(callsTo('PUT', PATH)).toHaveLength(0);
    unmount();

    current = { ...NEW, status: 'in_progress', editable: false };
    renderPage();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('shows the API’s field errors at their inputs (422) and keeps what was typed', async () => {
    const user = userEvent.setup();
    serve({ [PATH]: refused(422, { status: 422, errors: [{ field: 'subject', message: 'must be at most 200 characters' }] }) });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText(/Subject/), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Subject: must be at most 200 characters');
    expect(screen.getByLabelText(/Subject/)).toHaveAccessibleDescription('must be at most 200 characters');
    expect(screen.getByLabelText(/Subject/)).toHaveValue('Boiler leaking!');
  });

  it('says why when staff took it up meanwhile (409), and offers no Edit after', async () => {
    const user = userEvent.setup();
    const detail = 'only a new ticket can be changed; add a note instead';
    serve({ [PATH]: refused(409, { status: 409, detail }, { ...NEW, status: 'in_progress', editable: false }) });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent('In progress'));
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('says so when the ticket is not the caller’s (403)', async () => {
    const user = userEvent.setup();
    serve({ [PATH]: refused(403, { status: 403, detail: 'This ticket is not yours to change.' }) });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This ticket is not yours to change.');
  });
});

describe('TicketPage: reopening', () => {
  it('says until when, and reopens the ticket', async () => {
    const user = userEvent.setup();
    current = { ...CLOSED, ratable: false };
    serve({ [`${PATH}/reopen`]: becomes({ ...NEW, status: 'in_progress', editable: false }) });
    renderPage();
    expect(await screen.findByText(`You can reopen this ticket until ${formatDateTime(CLOSED.reopen_until)}.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reopen ticket' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Details' })).toHaveTextContent('In progress'));
    expect(screen.queryByRole('button', { name: 'Reopen ticket' })).not.toBeInTheDocument();
    expect(screen.getByText('The ticket is open again.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: 'Close ticket' })).toBeInTheDocument();
    expect(callsTo('POST', `${PATH}/reopen`)).toHaveLength(1);
  });

  it('offers no reopening without a date to reopen by', async () => {
    current = { ...CLOSED, reopen_until: null };
    serve();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen ticket' })).not.toBeInTheDocument();
    expect(screen.queryByText(/You can reopen this ticket/)).not.toBeInTheDocument();
  });

  it('says why when it can no longer be reopened (409), even once the button is gone', async () => {
    const user = userEvent.setup();
    current = CLOSED;
    const detail = 'the time to reopen this ticket has passed';
    serve({ [`${PATH}/reopen`]: refused(409, { status: 409, detail }, { ...CLOSED, reopen_until: null }) });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Reopen ticket' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reopen ticket' })).not.toBeInTheDocument());
    expect(screen.getByRole('alert')).toHaveTextContent(detail);
  });
});

describe('TicketPage: rating', () => {
  it('rates a closed ticket and then shows the rating', async () => {
    const user = userEvent.setup();
    current = CLOSED;
    serve({
      [`${PATH}/rating`]: becomes({ ...CLOSED, ratable: false, rating: { score: 5, comment: 'Fixed the same day.', at: '2026-03-03T10:00:00Z' } }),
    });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Rate this ticket' });
    await user.click(within(form).getByRole('radio', { name: '5 – Very satisfied' }));
    await user.type(within(form).getByLabelText('Comment (optional)'), 'Fixed the same day.');
    await user.click(within(form).getByRole('button', { name: 'Submit rating' }));

    const rating = await screen.findByRole('region', { name: 'Your rating' });
    expect(rating).toHaveTextContent('You rated this ticket 5 out of 5');
    expect(rating).toHaveTextContent('Fixed the same day.');
    expect(screen.queryByRole('form', { name: 'Rate this ticket' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your rating' })).toHaveFocus();
    expect(screen.getByText('Thank you for your rating.')).toHaveAttribute('role', 'status');
    expect(callsTo('POST', `${PATH}/rating`).map((c) => c.body)).toEqual([{ score: 5, comment: 'Fixed the same day.' }]);
  });

  it('shows a rating given before, with no form', async () => {
    current = { ...CLOSED, ratable: false, rating: { score: 3, comment: null, at: '2026-03-03T10:00:00Z' } };
    serve();
    renderPage();
    expect(await screen.findByRole('region', { name: 'Your rating' })).toHaveTextContent('You rated this ticket 3 out of 5');
    expect(screen.queryByRole('form', { name: 'Rate this ticket' })).not.toBeInTheDocument();
  });

  it('offers no rating form on a ticket that is not ratable', async () => {
    serve();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Rate this ticket' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Your rating' })).not.toBeInTheDocument();
  });

  it('shows the API’s field errors at their fields (422)', async () => {
    const user = userEvent.setup();
    current = CLOSED;
    serve({ [`${PATH}/rating`]: refused(422, { status: 422, errors: [{ field: 'comment', message: 'must be at most 2000 characters' }] }) });
    renderPage();
    await user.click(await screen.findByRole('radio', { name: '1 – Very dissatisfied' }));
    await user.type(screen.getByLabelText('Comment (optional)'), 'Too long');
    await user.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Comment (optional): must be at most 2000 characters');
    expect(screen.getByLabelText('Comment (optional)')).toHaveAccessibleDescription(/must be at most 2000 characters/);
    expect(screen.getByLabelText('Comment (optional)')).toHaveValue('Too long');
  });

  it('says so when it was rated already (409), and shows the rating there is', async () => {
    const user = userEvent.setup();
    current = CLOSED;
    const detail = 'this ticket is rated already';
    serve({
      [`${PATH}/rating`]: refused(409, { status: 409, detail }, { ...CLOSED, ratable: false, rating: { score: 2, comment: null, at: '2026-03-03T10:00:00Z' } }),
    });
    renderPage();
    await user.click(await screen.findByRole('radio', { name: '4 – Satisfied' }));
    await user.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(await screen.findByRole('region', { name: 'Your rating' })).toHaveTextContent('You rated this ticket 2 out of 5');
    expect(screen.getByRole('alert')).toHaveTextContent(detail);
  });

  it('says so when the ticket is not theirs to rate (403)', async () => {
    const user = userEvent.setup();
    current = CLOSED;
    serve({ [`${PATH}/rating`]: refused(403, { status: 403, detail: 'This ticket is not yours to rate.' }) });
    renderPage();
    await user.click(await screen.findByRole('radio', { name: '3 – Neither satisfied nor dissatisfied' }));
    await user.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This ticket is not yours to rate.');
  });
});

describe('TicketPage: confidentiality', () => {
  it('marks the raiser’s ticket confidential, then shares it again', async () => {
    const user = userEvent.setup();
    serve({ [`${PATH}/confidentiality`]: becomes({ ...NEW, confidential: true }) });
    renderPage();
    const panel = await screen.findByRole('region', { name: 'Who can see it' });
    expect(panel).toHaveTextContent('Colleagues who can see all your company’s tickets can see this ticket too.');
    expect(screen.queryByText('Confidential')).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Mark confidential' }));

    expect(await within(panel).findByRole('button', { name: 'Share with colleagues' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('only you and our staff can see it');
    expect(screen.getByText('Confidential')).toHaveClass('badge');
    expect(screen.getByText('The ticket is now confidential.')).toHaveAttribute('role', 'status');

    serve({ [`${PATH}/confidentiality`]: becomes({ ...NEW, confidential: false }) });
    await user.click(within(panel).getByRole('button', { name: 'Share with colleagues' }));
    expect(await within(panel).findByRole('button', { name: 'Mark confidential' })).toBeInTheDocument();
    expect(screen.queryByText('Confidential')).not.toBeInTheDocument();
    expect(screen.getByText('The ticket is shared with your colleagues again.')).toHaveAttribute('role', 'status');
    expect(callsTo('PUT', `${PATH}/confidentiality`).map((c) => c.body)).toEqual([{ confidential: true }, { confidential: false }]);
  });

  it('says why a change failed, and keeps the ticket as it was', async () => {
    const user = userEvent.setup();
    serve({ [`${PATH}/confidentiality`]: refused(403, { status: 403, detail: 'Only the contact who raised this ticket can change who sees it.' }) });
    renderPage();
    const panel = await screen.findByRole('region', { name: 'Who can see it' });
    await user.click(within(panel).getByRole('button', { name: 'Mark confidential' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Only the contact who raised this ticket can change who sees it.');
    expect(within(panel).getByRole('button', { name: 'Mark confidential' })).toBeInTheDocument();
  });

  it('shows a colleague’s confidential ticket as confidential, with nothing to change', async () => {
    current = { ...NEW, raised_by_me: false, editable: false, confidential: true, contact: 'Bob Baker' };
    serve();
    renderPage();
    expect(await screen.findByText('Confidential')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Who can see it' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /confidential|Share/ })).not.toBeInTheDocument();
  });
});

describe('TicketPage: service levels', () => {
  it('shows each target with its state in words', async () => {
    current = {
      ...NEW,
      sla: {
        response: { due: '2026-03-01T13:00:00Z', done_at: '2026-03-01T10:00:00Z', state: 'met' },
        resolution: { due: '2026-03-03T09:00:00Z', done_at: null, state: 'pending' },
      },
    };
    serve();
    renderPage();
    const panel = await screen.findByRole('region', { name: 'Service levels' });
    const rows = within(panel).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(`First response${formatDateTime('2026-03-01T13:00:00Z')}Met`);
    expect(rows[2]).toHaveTextContent(`Due by ${formatDateTime('2026-03-03T09:00:00Z')}`);
  });

  it('shows no panel when the business set no targets', async () => {
    serve();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Service levels' })).not.toBeInTheDocument();
  });
});

describe('TicketPage: files', () => {
  const FILE = { id: 'A1', name: 'photo.png', content_type: 'image/png', size: 52_000, author_name: 'Alice Archer', created_at: '2026-03-01T10:00:00Z' };
  const NOTE = { id: 'A2', name: 'note.txt', content_type: 'text/plain', size: 5, author_name: 'Alice Archer', created_at: '2026-03-01T11:00:00Z' };

  useFakeXhr();

  it('lists the files with size, who and when, and opens one through its link', async () => {
    const user = userEvent.setup();
    current = { ...NEW, attachments: [FILE] };
    serve({ '/portal/tickets/T1/attachments/A1/link': json(200, { url: 'http://127.0.0.1:4566/b/A1?sig', disposition: 'inline', expires_at: '' }) });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderPage();
    const list = await screen.findByRole('list', { name: 'Files attached to this ticket' });
    const button = within(list).getByRole('button', { name: 'photo.png' });
    expect(button).toHaveAccessibleDescription(`50.8 kB, by Alice Archer, ${formatDateTime(FILE.created_at)}`);
    await user.click(button);
    await waitFor(() => expect(open).toHaveBeenCalledWith('http://127.0.0.1:4566/b/A1?sig', '_blank', 'noopener'));
    expect(screen.getByText('photo.png opened in a new tab.')).toHaveAttribute('role', 'status');
  });

  it('says when there are no files, and offers no attaching on a closed ticket', async () => {
    current = CLOSED;
    serve();
    renderPage();
    expect(await screen.findByText('No files attached yet.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Attach a file')).not.toBeInTheDocument();
  });

  it('uploads a file with progress, completes it and lists it', async () => {
    const user = userEvent.setup();
    serve({
      '/portal/tickets/T1/attachments': json(201, {
        attachment: NOTE,
        upload: { url: 'http://127.0.0.1:4566/b/A2?sig', method: 'PUT', headers: { 'content-type': 'text/plain', 'content-length': '5' }, expires_at: '' },
      }),
      '/portal/tickets/T1/attachments/A2/complete': () => {
        current = { ...NEW, attachments: [NOTE] };
        return json(200, NOTE)();
      },
    });
    renderPage();
    await user.upload(await screen.findByLabelText('Attach a file'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    const bar = await screen.findByRole('progressbar', { name: 'Upload progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '100'));
    expect(await screen.findByText('note.txt was attached.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'note.txt' })).toBeInTheDocument();
    expect(callsTo('POST', '/portal/tickets/T1/attachments').map((c) => c.body)).toEqual([{ name: 'note.txt', content_type: 'text/plain', size: 5 }]);
    expect(callsTo('POST', '/portal/tickets/T1/attachments/A2/complete')).toHaveLength(1);
    expect(FakeXhr.last?.url).toBe('http://127.0.0.1:4566/b/A2?sig');
    expect(FakeXhr.last?.headers).toEqual({ 'content-type': 'text/plain' });
  });

  it('says why the API refused the file (a full or closed ticket)', async () => {
    const user = userEvent.setup();
    serve({
      '/portal/tickets/T1/attachments': json(409, { type: 'x/conflict', title: 'Conflict', status: 409, detail: 'This ticket holds 20 files already.' }),
    });
    renderPage();
    await user.upload(await screen.findByLabelText('Attach a file'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This ticket holds 20 files already.');
  });
});
