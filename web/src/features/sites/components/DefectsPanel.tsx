import { lazy, useId, useMemo } from 'react';
import { ChartAndTable } from '../../../components/ChartAndTable';
import { PanelCard } from '../../../components/PanelCard';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import { useDefectsSummary, type DefectsPanel as Panel } from '../api';
import { panelFigures } from './defectFigures';
import { AssetTypeTable, MonthTable } from './DefectTables';
import styles from './DefectsPanel.module.css';
import { SeverityTally } from './SeverityTally';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const DefectsChart = lazy(() => import('./DefectsChart'));

/** The defects panel from the summary the API keeps: open by severity, 12 months, assets by type. */
export function DefectsPanelView({ summary }: { summary: Panel }) {
  const t = m.sites.panel;
  const f = useMemo(() => panelFigures(summary), [summary]);
  const ids = { open: useId(), months: useId(), assets: useId() };
  return (
    <div className={styles.panel}>
      <div>
        <h3 id={ids.open}>{t.openBySeverity}</h3>
        <p className="muted">{t.openTotal(formatNumber(f.openTotal))}</p>
        <SeverityTally counts={f.openBySeverity} label={t.openBySeverity} />
      </div>
      <div>
        <h3 id={ids.months}>{t.perMonth}</h3>
        <ChartAndTable
          layout="beside"
          loading={t.chartLoading}
          chart={<DefectsChart months={f.months} />}
          labelledBy={ids.months}
          table={<MonthTable rows={f.months} />}
        />
      </div>
      <div>
        <h3 id={ids.assets}>{t.assetsByType}</h3>
        <div className="table-wrap" role="region" aria-labelledby={ids.assets} tabIndex={0}>
          <AssetTypeTable rows={f.assetTypes} />
        </div>
      </div>
    </div>
  );
}

/** The panel with its own loading and error states. */
export function DefectsPanel() {
  const t = m.sites.panel;
  const summary = useDefectsSummary();
  return (
    <PanelCard title={t.title} intro={t.intro} query={summary}>
      {(data) => <DefectsPanelView summary={data} />}
    </PanelCard>
  );
}
