import { useMe, type Module } from '../customers';

/** The modules the company has on (none while the answer is on its way). */
export function useModules(): Module[] {
  return useMe().data?.modules ?? [];
}
