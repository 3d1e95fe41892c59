import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type Me = components['schemas']['Me'];
export type Module = components['schemas']['Module'];

export const meKey = ['me'] as const;

/** The contact, the company, its account managers and the enabled modules: read once, shared by every page. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => unwrap(api.GET('/portal/me')), staleTime: 5 * 60_000 });
}
