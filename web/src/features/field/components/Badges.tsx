import type { JobStage, RoutineOutcome } from '../api';
import { outcomeLabel, stageLabel } from '../field';
import styles from './Badges.module.css';

/**
 * How a routine job was done, as a badge: a mark in the chart's colour and, always, the words. The colour
 * only helps scanning; the words carry the meaning.
 */
export function OutcomeBadge({ outcome }: { outcome: RoutineOutcome }) {
  return (
    <span className={`badge ${styles.badge} ${styles[outcome] ?? ''}`} data-outcome={outcome}>
      <span className={styles.mark} aria-hidden="true" />
      <span>{outcomeLabel(outcome)}</span>
    </span>
  );
}

/** Where a field job stands, as a badge in the chart's colour, with its name in words. */
export function StageBadge({ stage }: { stage: JobStage }) {
  return (
    <span className={`badge ${styles.badge} ${styles[stage] ?? ''}`} data-stage={stage}>
      <span className={styles.mark} aria-hidden="true" />
      <span>{stageLabel(stage)}</span>
    </span>
  );
}
