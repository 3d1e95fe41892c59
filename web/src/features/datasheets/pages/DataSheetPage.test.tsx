import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { clearViewedCustomer, setViewedCustomer } from '../../../lib/portalView';
import { renderWith, sheetView } from '../testing';
import DataSheetPage from './DataSheetPage';

const ID = '01JSHEET00000000000000000A';
const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;
const problem = (status: number, body: unknown) => ({ error: body, response: new Response(null, { status }) }) as never;

function open(view = sheetView()) {
  vi.spyOn(api, 'GET').mockResolvedValue(ok(view));
  return renderWith(<DataSheetPage />, { path: '/data-sheets/:id', route: `/data-sheets/${ID}` });
}

afterEach(() => {
  clearViewedCustomer();
  vi.restoreAllMocks();
});

describe('DataSheetPage', () => {
  it('generates the form from the template and saves the typed values with If-Match', async () => {
    const user = userEvent.setup();
    const put = vi.spyOn(api, 'PUT').mockImplementation(async (_path, init) =>
      ok(sheetView({ values: (init as { body: { values: Record<string, unknown> } }).body.values, version: 4 })),
    );
    open(sheetView({ values: { site: 'HQ' } }));
    const site = await screen.findByRole('textbox', { name: /Site name/ });
    expect(site).toHaveValue('HQ');
    await user.type(screen.getByRole('spinbutton', { name: /Floors/ }), '3');
    await user.click(screen.getByRole('radio', { name: 'High' }));
    await user.click(screen.getByRole('checkbox', { name: 'Drill' }));
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');
    expect(put).toHaveBeenCalledWith('/portal/datasheets/{id}', {
      params: { path: { id: ID }, header: { 'If-Match': '"3"' } },
      body: { values: { site: 'HQ', floors: 3, lift: false, risk: 'High', kit: ['Drill'] } },
    });
    // The next save is at the version the last one made.
    await user.type(site, '2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
    expect(put.mock.calls[1]?.[1]).toMatchObject({ params: { header: { 'If-Match': '"4"' } } });
  });

  it('shows the API’s validation messages at their fields, with a summary', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'PUT').mockResolvedValue(
      problem(422, {
        type: 'https://portal.example/problems/validation',
        title: 'Invalid',
        errors: [
          { field: 'values.floors', message: 'must be between 1 and 50' },
          { field: 'values.visit', message: 'must be a date such as 2026-11-24' },
        ],
      }),
    );
    open();
    await user.type(await screen.findByRole('spinbutton', { name: /Floors/ }), '99');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Floors: must be between 1 and 50');
    expect(alert).toHaveTextContent('Visit date: must be a date such as 2026-11-24');
    expect(screen.getByRole('spinbutton', { name: /Floors/ })).toHaveAccessibleDescription(/must be between 1 and 50/);
    expect(screen.getByRole('spinbutton', { name: /Floors/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Visit date/)).toHaveAccessibleDescription(/must be a date such as 2026-11-24/);
    // What was typed stays.
    expect(screen.getByRole('spinbutton', { name: /Floors/ })).toHaveValue(99);
  });

  it('says when the sheet changed elsewhere, and reloads it on request', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'PUT').mockResolvedValue(problem(409, { type: 'x/conflict', title: 'Conflict', detail: 'the record was changed' }));
    const get = vi.spyOn(api, 'GET').mockResolvedValue(ok(sheetView()));
    renderWith(<DataSheetPage />, { path: '/data-sheets/:id', route: `/data-sheets/${ID}` });
    await user.type(await screen.findByRole('textbox', { name: /Site name/ }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/changed elsewhere/);
    get.mockResolvedValue(ok(sheetView({ values: { site: 'Theirs' }, version: 5 })));
    await user.click(screen.getByRole('button', { name: 'Reload the sheet' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Site name/ })).toHaveValue('Theirs'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits after a confirmation, then shows the sheet locked with the ticket it raised', async () => {
    const user = userEvent.setup();
    const post = vi.spyOn(api, 'POST').mockResolvedValue(ok(sheetView({ status: 'submitted', values: { site: 'HQ' } })));
    const put = vi.spyOn(api, 'PUT');
    const { qc } = open(sheetView({ values: { site: 'HQ', floors: 2, risk: 'Low' } }));
    // A ticket list read before: the ticket the submission raised must appear in it.
    qc.setQueryData(['tickets', 'list', { status: 'open' }], { items: [] });
    await user.click(await screen.findByRole('button', { name: 'Submit' }));
    const dialog = screen.getByRole('dialog', { name: 'Submit this data sheet?' });
    expect(dialog).toHaveTextContent('Once submitted the sheet is locked');
    await user.click(within(dialog).getByRole('button', { name: 'Submit the sheet' }));
    expect(await screen.findByText('The sheet was submitted and ticket #1042 was raised.')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/portal/datasheets/{id}/submit', { params: { path: { id: ID } } });
    expect(qc.getQueryState(['tickets', 'list', { status: 'open' }])?.isInvalidated).toBe(true);
    // Nothing unsaved: no save before the submission.
    expect(put).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    const links = screen.getAllByRole('link', { name: 'Ticket #1042' });
    expect(links[0]).toHaveAttribute('href', '/tickets/01JTICKET00000000000000000');
  });

  it('saves what was typed before submitting it', async () => {
    const user = userEvent.setup();
    const put = vi.spyOn(api, 'PUT').mockResolvedValue(ok(sheetView({ values: { site: 'HQ' }, version: 4 })));
    vi.spyOn(api, 'POST').mockResolvedValue(ok(sheetView({ status: 'submitted', values: { site: 'HQ' } })));
    open();
    await user.type(await screen.findByRole('textbox', { name: /Site name/ }), 'HQ');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await user.click(screen.getByRole('button', { name: 'Submit the sheet' }));
    await screen.findByText(/ticket #1042 was raised/);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('shows a submitted sheet read-only, and offers the layout view when the template has one', async () => {
    const openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    open(sheetView({ status: 'submitted', values: { site: 'HQ', lift: true }, layout: '<p>{{ site }}</p>' }));
    expect(await screen.findByText(/has been submitted and is locked/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('HQ')).toBeInTheDocument();
    expect(screen.getByText('Yes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open in layout view' }));
    expect(openWindow).toHaveBeenCalledWith(`/data-sheets/${ID}/layout`, '_blank', 'noopener');
  });

  it('shows a draft read-only in another company’s portal of the group: no Save draft, no Submit', async () => {
    setViewedCustomer('01JD00000000000000000000AN');
    const put = vi.spyOn(api, 'PUT');
    const post = vi.spyOn(api, 'POST');
    vi.spyOn(api, 'GET').mockImplementation(async (path) =>
      path === '/portal/me'
        ? ok({ modules: ['data_sheets'], viewing: { id: '01JD00000000000000000000AN', name: 'Acme Northern Ltd' } })
        : ok(sheetView({ values: { site: 'HQ' } })),
    );
    renderWith(<DataSheetPage />, { path: '/data-sheets/:id', route: `/data-sheets/${ID}` });
    expect(await screen.findByText('HQ')).toBeInTheDocument();
    expect(await screen.findByText(/You are viewing Acme Northern Ltd’s portal/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Site name/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit' })).not.toBeInTheDocument();
    expect(put).not.toHaveBeenCalled();
    expect(post).not.toHaveBeenCalled();
  });
});
