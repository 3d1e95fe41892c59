import { useEffect, useSyncExternalStore } from 'react';
import { getSession, restore, subscribe } from '../../../lib/session';

/** The session as the signed-out pages see it; restores it from the refresh cookie on first use. */
export function useSessionState() {
  const session = useSyncExternalStore(subscribe, getSession);
  useEffect(() => {
    void restore();
  }, []);
  return session;
}
