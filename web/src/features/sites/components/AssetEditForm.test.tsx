import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { asset, renderWith } from '../testing';
import { AssetEditForm, changesOf } from './AssetEditForm';

const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;
const problem = (status: number, body: unknown) => ({ error: body, response: new Response(null, { status }) }) as never;

afterEach(() => vi.restoreAllMocks());

describe('AssetEditForm', () => {
  it('shows only the fields staff opened and sends only those, with If-Match', async () => {
    const user = userEvent.setup();
    const patch = vi.spyOn(api, 'PATCH').mockResolvedValue(ok(asset({ location: 'Rear lobby', version: 4 })));
    const onClose = vi.fn();
    const { qc } = renderWith(<AssetEditForm asset={asset()} onClose={onClose} />);
    qc.setQueryData(['sites', 'assets', '01JSITE0000000000000000001', null], { items: [] });

    expect(screen.getByRole('heading', { name: 'Edit EXT-001' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/Identifier/)).toBeNull();
    const location = screen.getByRole('textbox', { name: 'Location' });
    expect(location).toHaveValue('Ground floor lobby');
    expect(location).toHaveFocus();
    await user.clear(location);
    await user.type(location, '  Rear lobby ');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ location: 'Rear lobby', version: 4 })));
    expect(patch).toHaveBeenCalledOnce();
    expect(patch).toHaveBeenCalledWith('/portal/assets/{id}', {
      params: { path: { id: '01JASSET000000000000000001' }, header: { 'If-Match': '"3"' } },
      // Notes left empty are sent as "clear"; the identifier, not open to contacts, is not sent at all.
      body: { location: 'Rear lobby', notes: null },
    });
    // The site's asset list is read again.
    expect(qc.getQueryState(['sites', 'assets', '01JSITE0000000000000000001', null])?.isInvalidated).toBe(true);
  });

  it('shows the API’s 422 field error at its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'PATCH').mockResolvedValue(
      problem(422, {
        type: 'https://portal.example/problems/validation',
        title: 'Invalid',
        errors: [{ field: 'location', message: 'must be at most 200 characters' }],
      }),
    );
    const onClose = vi.fn();
    renderWith(<AssetEditForm asset={asset()} onClose={onClose} />);
    const location = screen.getByRole('textbox', { name: 'Location' });
    await user.type(location, ' and more');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some fields need attention.');
    expect(alert).toHaveTextContent('Location: must be at most 200 characters');
    expect(location).toHaveAccessibleDescription('Location must be at most 200 characters');
    expect(location).toHaveAttribute('aria-invalid', 'true');
    expect(location).toHaveValue('Ground floor lobby and more');
    await waitFor(() => expect(location).toHaveFocus());
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says when the asset changed meanwhile, and reloads it on request', async () => {
    const user = userEvent.setup();
    const patch = vi.spyOn(api, 'PATCH').mockResolvedValue(problem(409, { type: 'x/conflict', title: 'Conflict', detail: 'the record was changed' }));
    const get = vi.spyOn(api, 'GET').mockResolvedValue(ok(asset({ location: 'Moved by staff', version: 7 })));
    renderWith(<AssetEditForm asset={asset()} onClose={vi.fn()} />);
    await user.type(screen.getByRole('textbox', { name: 'Location' }), ' (mine)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This asset was changed meanwhile');
    await user.click(screen.getByRole('button', { name: 'Reload the asset' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Location' })).toHaveValue('Moved by staff'));
    expect(get).toHaveBeenCalledWith('/portal/assets/{id}', { params: { path: { id: '01JASSET000000000000000001' } } });
    expect(screen.queryByRole('alert')).toBeNull();
    // The next save is at the version just read.
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(2));
    expect(patch.mock.calls[1]?.[1]).toMatchObject({ params: { header: { 'If-Match': '"7"' } } });
  });

  it('asks for the identifier when staff opened it and it is emptied', async () => {
    const user = userEvent.setup();
    const patch = vi.spyOn(api, 'PATCH');
    renderWith(<AssetEditForm asset={asset({ contact_editable: ['identifier', 'location', 'notes'] })} onClose={vi.fn()} />);
    const identifier = screen.getByRole('textbox', { name: 'Identifier' });
    await user.clear(identifier);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(identifier).toHaveAccessibleDescription('Identifier is required.');
    expect(patch).not.toHaveBeenCalled();
  });

  it('cancels without sending', async () => {
    const user = userEvent.setup();
    const patch = vi.spyOn(api, 'PATCH');
    const onClose = vi.fn();
    renderWith(<AssetEditForm asset={asset()} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledWith(null);
    expect(patch).not.toHaveBeenCalled();
  });
});

describe('changesOf', () => {
  it('takes only the editable fields, trimmed, empty ones as null', () => {
    const a = asset({ contact_editable: ['identifier', 'notes'] });
    expect(changesOf(a, { identifier: ' EXT-9 ', location: 'ignored', notes: '  ' })).toEqual({ identifier: 'EXT-9', notes: null });
  });
});
