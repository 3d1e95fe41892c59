import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { clearViewedCustomer, setViewedCustomer } from '../../../lib/portalView';
import { renderWith, sheetView } from '../testing';
import DataSheetListPage from './DataSheetListPage';

const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;

afterEach(() => {
  clearViewedCustomer();
  vi.restoreAllMocks();
});

describe('DataSheetListPage', () => {
  it('lists the sheets with status in words and the ticket raised, and starts a new one', async () => {
    const user = userEvent.setup();
    const draft = sheetView().sheet;
    const submitted = { ...sheetView({ status: 'submitted' }).sheet, id: '01JSHEET00000000000000000B', template_name: 'Access request' };
    vi.spyOn(api, 'GET').mockImplementation(async (path) =>
      path === '/portal/datasheets/templates'
        ? ok([
            { id: 'T1', name: 'Access request', description: null },
            { id: 'T2', name: 'Site survey', description: 'Before a visit.' },
          ])
        : ok({ items: [draft, submitted], next_cursor: null }),
    );
    const post = vi.spyOn(api, 'POST').mockResolvedValue(ok(sheetView(), 201));
    renderWith(<DataSheetListPage />, { path: '/data-sheets', route: '/data-sheets' });

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Site survey' })).toHaveAttribute('href', `/data-sheets/${draft.id}`);
    expect(rows[1]).toHaveTextContent('Draft');
    expect(rows[2]).toHaveTextContent('Submitted');
    expect(within(rows[2] as HTMLElement).getByRole('link', { name: 'Ticket #1042' })).toHaveAttribute('href', '/tickets/01JTICKET00000000000000000');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'T2');
    expect(screen.getByRole('combobox', { name: 'Template' })).toHaveAccessibleDescription('Before a visit.');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(post).toHaveBeenCalledWith('/portal/datasheets', { body: { template_id: 'T2' } });
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  });

  it('says so when no template is assigned', async () => {
    vi.spyOn(api, 'GET').mockImplementation(async (path) => (path === '/portal/datasheets/templates' ? ok([]) : ok({ items: [], next_cursor: null })));
    renderWith(<DataSheetListPage />, { path: '/data-sheets', route: '/data-sheets' });
    expect(await screen.findByText(/No data sheet templates are available/)).toBeInTheDocument();
    expect(await screen.findByText(/no data sheets yet/)).toBeInTheDocument();
  });

  it('offers no new sheet in another company’s portal of the group, and does not read the templates', async () => {
    setViewedCustomer('01JD00000000000000000000AN');
    const get = vi.spyOn(api, 'GET').mockImplementation(async (path) =>
      path === '/portal/me'
        ? ok({ modules: ['data_sheets'], viewing: { id: '01JD00000000000000000000AN', name: 'Acme Northern Ltd' } })
        : ok({ items: [sheetView().sheet], next_cursor: null }),
    );
    renderWith(<DataSheetListPage />, { path: '/data-sheets', route: '/data-sheets' });
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(await screen.findByText(/You are viewing Acme Northern Ltd’s portal/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Start a data sheet' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Template' })).not.toBeInTheDocument();
    expect(get).not.toHaveBeenCalledWith('/portal/datasheets/templates');
  });
});
