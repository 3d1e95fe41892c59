import { useEffect, useSyncExternalStore } from 'react';
import { getSession, restore, subscribe } from '../lib/session';

/** The session's state; restores it from the refresh cookie on first use. */
export function useSession() {
  const session = useSyncExternalStore(subscribe, getSession);
  useEffect(() => {
    void restore();
  }, []);
  return session;
}
