// What every chart.js chart shares. No chart.js here: the charts import it in their lazily loaded code.

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : undefined);

/** A chart that follows its box, writes numbers as the browser's language does, and keeps still when motion is reduced. */
export function baseChartOptions() {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: locale(),
    animation: reducedMotion() ? (false as const) : undefined,
  };
}
