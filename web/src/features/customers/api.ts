import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type Me = components['schemas']['Me'];
export type Module = components['schemas']['Module'];

export const meKey = ['me'] as const;

/** The contact, the company, its account managers and the enabled modules: read once, shared by every page. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => unwrap(api.GET('/portal/me')), staleTime: 5 * 60_000 });
}

export type PortalContact = components['schemas']['PortalContact'];
export type ContactInput = components['schemas']['ContactInput'];

export const CONTACTS_PAGE = 25;
export const contactsKey = ['contacts'] as const;

/** One page of the company's contacts, by name. */
export function useContacts(cursor: string | undefined) {
  return useQuery({
    queryKey: [...contactsKey, cursor ?? null],
    queryFn: () => unwrap(api.GET('/portal/contacts', { params: { query: { limit: CONTACTS_PAGE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** Adds a colleague; the list is read again afterwards. */
export function useAddContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => unwrap(api.POST('/portal/contacts', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: contactsKey }),
  });
}

export type Notifications = components['schemas']['Notifications'];
export const notificationsKey = ['notifications'] as const;

/** The emails the signed-in contact receives (ticket emails unless they turned them off). */
export function useNotifications() {
  return useQuery({ queryKey: notificationsKey, queryFn: () => unwrap(api.GET('/portal/notifications')) });
}

/** Ticket emails on or off; the answer replaces the setting shown, and `/portal/me` (which carries it) is read again. */
export function useSetNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Notifications) => unwrap(api.PUT('/portal/notifications', { body })),
    onSuccess: (now) => {
      qc.setQueryData(notificationsKey, now);
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });
}
