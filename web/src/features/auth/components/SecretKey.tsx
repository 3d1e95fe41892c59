import { useState } from 'react';
import { Button } from '../../../components/Button';
import { m } from '../../../messages';
import { groupSecret } from './passwords';
import styles from './SecretKey.module.css';

/** The authenticator's secret for typing by hand: in groups of four, selectable, with a copy button. */
export function SecretKey({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard;
  return (
    <div className={styles.secret}>
      <p className={styles.label}>
        {m.auth.activate.secretLabel}
      </p>
      <code className={styles.value} data-testid="totp-secret">
        {groupSecret(secret)}
      </code>
      {canCopy ? (
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard.writeText(secret.replace(/\s+/g, '')).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {m.auth.activate.copy}
        </Button>
      ) : null}
      <p role="status" className={styles.status}>
        {copied ? m.auth.activate.copied : ''}
      </p>
    </div>
  );
}
