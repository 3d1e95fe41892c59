// Severities in one place: their order (worst first), words, and the colours the map and charts draw with.
import { m } from '../../messages';
import type { Severity } from './api';

/** A severity, or `none` for "nothing open". */
export type SeverityLevel = Severity | 'none';

/** Worst first. */
export const SEVERITIES: Severity[] = ['critical', 'non_critical', 'non_conformance', 'recommendation', 'information'];
export const LEVELS: SeverityLevel[] = [...SEVERITIES, 'none'];

export function isSeverityLevel(value: unknown): value is SeverityLevel {
  return typeof value === 'string' && (LEVELS as string[]).includes(value);
}

/** The API's worst severity (absent or null when nothing is open) as a level. */
export const levelOf = (worst: Severity | null | undefined): SeverityLevel => worst ?? 'none';

export const severityLabel = (level: SeverityLevel): string => m.sites.severity[level];

/**
 * Solid colours for graphics (pins, bars, the badges' marks): each at least 3:1 against white and against
 * the map's plain background (#e9eef3), so a pin stands out without tiles. Kept in step with
 * SeverityBadge.module.css.
 */
export const SEVERITY_COLOUR: Record<SeverityLevel, string> = {
  critical: '#b42318',
  non_critical: '#b45309',
  non_conformance: '#6d28d9',
  recommendation: '#1d4e89',
  information: '#4f5b6b',
  none: '#146c2e',
};

/** Pin radius in pixels: worse is bigger, so size also tells severities apart, not colour alone. */
export const PIN_RADIUS: Record<SeverityLevel, number> = {
  critical: 11,
  non_critical: 9,
  non_conformance: 8,
  recommendation: 7,
  information: 6,
  none: 6,
};

/** A `{ severity: count }` map from the API with every severity present, worst first. */
export function countsBySeverity(counts: Record<string, number> | undefined): { severity: Severity; count: number }[] {
  return SEVERITIES.map((severity) => ({ severity, count: Math.max(0, counts?.[severity] ?? 0) }));
}
