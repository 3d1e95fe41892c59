import { useMemo } from 'react';
import { fieldErrors } from './problem';

/** The API's field errors of a failed mutation, by field name. */
export function useFieldErrors(error: unknown): Record<string, string> {
  return useMemo(() => fieldErrors(error), [error]);
}
