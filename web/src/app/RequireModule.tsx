import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { useMe, type Module } from '../features/customers';
import { paths } from '../lib/paths';
import { m } from '../messages';

/** A page of a module the company may have switched off: then it says so instead of failing. */
export function RequireModule({ module, children }: { module: Module; children: ReactNode }) {
  const me = useMe();
  return (
    <QueryState query={me}>
      {(data) =>
        data.modules.includes(module) ? (
          <>{children}</>
        ) : (
          <Page title={m.common.notAvailable.title}>
            <p>{m.common.notAvailable.body}</p>
            <p>
              <Link to={paths.home}>{m.common.notAvailable.home}</Link>
            </p>
          </Page>
        )
      }
    </QueryState>
  );
}
