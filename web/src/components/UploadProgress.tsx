import { useId } from 'react';
import { formatPercent } from '../lib/format';
import styles from './UploadProgress.module.css';

interface Props {
  /** 0–1. */
  fraction: number;
  label: string;
  /** What a screen reader hears as the value, e.g. "42% uploaded". */
  valueText: (percent: string) => string;
}

/** A labelled progress bar for a file on its way to storage. */
export function UploadProgress({ fraction, label, valueText }: Props) {
  const id = useId();
  const percent = Math.round(fraction * 100);
  const shown = formatPercent(percent / 100);
  return (
    <div className={styles.progress}>
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={100} value={percent} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-valuetext={valueText(shown)}>
        {valueText(shown)}
      </progress>
      <span aria-hidden="true">{shown}</span>
    </div>
  );
}
