import type { ReactNode } from 'react';
import { ActivityPanel, SpendPanel } from '../../billing/parts';
import type { Module } from '../../customers';
import { RoutinePanel, ServiceCallsPanel } from '../../field/parts';
import { DefectsPanel, MapPanel, SitesPanel } from '../../sites/parts';
import { PANEL_MODULES, type PanelModule } from '../panelModules';
import styles from './Home.module.css';

/** Each panel (it makes one request, for its module's figures) and whether it spans the grid. */
const PANELS: Record<PanelModule, { wide: boolean; panel: (modules: readonly Module[]) => ReactNode }> = {
  site_map: { wide: true, panel: () => <MapPanel /> },
  sites: {
    wide: true,
    panel: (modules) => <SitesPanel quotesOn={modules.includes('quotes')} invoicesOn={modules.includes('invoices')} />,
  },
  activity: { wide: false, panel: () => <ActivityPanel /> },
  spend: { wide: false, panel: () => <SpendPanel /> },
  defect_analytics: { wide: true, panel: () => <DefectsPanel /> },
  routine: { wide: false, panel: () => <RoutinePanel /> },
  service_calls: { wide: false, panel: () => <ServiceCallsPanel /> },
};

/**
 * The portfolio and field service panels of the home page, in a grid (the map, the properties and the
 * defects across it): each only when its module is on, and so asking for its figures only then.
 */
export default function Panels({ modules }: { modules: readonly Module[] }) {
  const shown = PANEL_MODULES.filter((module) => modules.includes(module));
  if (shown.length === 0) return null;
  return (
    <div className={styles.panels}>
      {shown.map((module) => {
        const { wide, panel } = PANELS[module];
        return (
          <div key={module} className={wide ? `${styles.panel} ${styles.wide}` : styles.panel}>
            {panel(modules)}
          </div>
        );
      })}
    </div>
  );
}
