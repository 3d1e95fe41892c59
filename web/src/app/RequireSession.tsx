import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { paths } from '../lib/paths';
import { useSession } from './useSession';

/** Signed-in pages: without a session, sign in first and come back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const client = useQueryClient();
  useEffect(() => {
    if (session.status === 'signed-out') client.clear();
  }, [session.status, client]);
  if (session.status === 'restoring') return <Loading />;
  if (session.status === 'signed-out') {
    const next = location.pathname + location.search;
    const query = new URLSearchParams({ next });
    if (session.expired) query.set('expired', '1');
    return <Navigate to={`${paths.signIn}?${query.toString()}`} replace />;
  }
  return <>{children}</>;
}
