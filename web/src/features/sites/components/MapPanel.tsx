import { useCallback, useId, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useSiteMap } from '../api';
import styles from './MapPanel.module.css';
import { MapLegend, PinMap, pinsOf } from './PinMap';

export { pinsOf } from './PinMap';

/**
 * The properties on a map, each pin coloured and sized by its worst open defect, with a legend in words.
 * Leaflet loads with the map only. The map is one tab stop (arrow keys pan it, + and − zoom); the table of
 * properties beside it is the way to reach each property by keyboard.
 */
export function MapPanel() {
  const t = m.sites.map;
  const headingId = useId();
  const query = useSiteMap();
  const pins = useMemo(() => (query.data ? pinsOf(query.data) : []), [query.data]);
  const navigate = useNavigate();
  const open = useCallback((id: string) => void navigate(paths.site(id)), [navigate]);

  const body = () => {
    if (query.isPending) return <Loading label={t.loading} />;
    if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
    if (pins.length === 0) return <p className="empty">{t.empty}</p>;
    return <PinMap pins={pins} labelledBy={headingId} hint={t.hint} hrefOf={paths.site} onOpen={open} />;
  };

  return (
    // Not a region itself: the map is, named by this heading.
    <div className={`card ${styles.panel}`}>
      <h2 id={headingId}>{t.title}</h2>
      {body()}
      <MapLegend />
    </div>
  );
}
