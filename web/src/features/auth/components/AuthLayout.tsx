import type { ReactNode } from 'react';
import { Page } from '../../../components/Page';
import { m } from '../../../messages';
import styles from './AuthLayout.module.css';

/** The frame of the signed-out pages: the portal's name over one card holding the page. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className={styles.brand}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{m.common.appName}</span>
        </p>
        <Page title={title}>{children}</Page>
      </div>
    </main>
  );
}
