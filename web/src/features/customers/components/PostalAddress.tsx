import { m } from '../../../messages';
import { addressLines, type Address } from './address';
import styles from './PostalAddress.module.css';

/** An address a line at a time, or the catalogue's "none" when nothing of it is on file. */
export function PostalAddress({ address }: { address: Address | null | undefined }) {
  const lines = addressLines(address);
  if (lines.length === 0) return <>{m.common.none}</>;
  return (
    <address className={styles.address}>
      {lines.map((l, i) => (
        <span key={i} className={styles.line}>
          {l}
        </span>
      ))}
    </address>
  );
}
