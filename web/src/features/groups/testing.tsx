// Test helpers of this feature: a sample group and the API answering for it through the typed client.
import { vi } from 'vitest';
import { api } from '../../lib/api';
import type { GroupView } from './api';

const HOME_ID = '01JD00000000000000000000AC';
export const NORTHERN_ID = '01JD00000000000000000000AN';

export const GROUP: GroupView = {
  id: 'G1',
  name: 'Acme Group',
  customers: [
    { id: HOME_ID, name: 'Acme Facilities Ltd', home: true, open_defects: 2, quotes_awaiting: 1, overdue_invoices: 0 },
    { id: NORTHERN_ID, name: 'Acme Northern Ltd', home: false, open_defects: 1, quotes_awaiting: 0, overdue_invoices: 3 },
  ],
};

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) }) as never;

/**
 * `/portal/group` answers `group`, or 404 when null; each company's map and properties answer none;
 * every other path answers an empty object.
 */
export function answerGroup(group: GroupView | null) {
  return vi.spyOn(api, 'GET').mockImplementation((async (path: string) => {
    if (path === '/portal/sites/map') return ok({ type: 'FeatureCollection', features: [], next_cursor: null });
    if (path === '/portal/sites') return ok({ items: [], next_cursor: null });
    if (path !== '/portal/group') return ok({});
    if (group) return ok(group);
    return { error: { title: 'Not Found' }, response: new Response(null, { status: 404 }) } as never;
  }) as never);
}

