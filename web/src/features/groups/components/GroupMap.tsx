import { useCallback, useId } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { MapLegend, PinMap } from '../../sites/parts';
import type { GroupCustomer, GroupView } from '../api';
import { useGroupPins } from '../groupProperties';
import styles from './GroupMap.module.css';

interface Props {
  group: GroupView;
  /** Opens a site in its company's portal. */
  onOpenSite: (customer: GroupCustomer, site: string) => void;
}

/**
 * The whole group on one map: every company's properties (those with the map module on), each pin's popup
 * naming its company, its link opening the property in that company's portal.
 */
export function GroupMap({ group, onOpenSite }: Props) {
  const t = m.groups.map;
  const headingId = useId();
  const { pins, owners, pending, failed } = useGroupPins(group.customers);
  const open = useCallback(
    (site: string) => {
      const owner = group.customers[owners[site] ?? -1];
      if (owner) onOpenSite(owner, site);
    },
    [group.customers, owners, onOpenSite],
  );

  const body = () => {
    if (pending) return <Loading label={t.loading} />;
    if (pins.length === 0) return failed.length === 0 ? <p className="empty">{t.empty}</p> : null;
    return <PinMap pins={pins} labelledBy={headingId} hint={t.hint} hrefOf={paths.site} onOpen={open} />;
  };

  return (
    // Not a region itself: the map is, named by this heading.
    <div className={`card ${styles.panel}`}>
      <h2 id={headingId}>{t.title}</h2>
      {failed.map((f) => (
        <div key={f.index}>
          <p>{t.failed(group.customers[f.index]?.name ?? '')}</p>
          <ErrorAlert error={f.error} onRetry={f.retry} />
        </div>
      ))}
      {body()}
      <MapLegend />
    </div>
  );
}
