import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useSiteMap, type SiteFeature } from '../api';
import { LEVELS, levelOf, severityLabel } from '../severity';
import type { Pin } from './leafletMap';
import styles from './MapPanel.module.css';

/** The features the API sent as pins: GeoJSON's `[longitude, latitude]`, anything unplaceable left out. */
export function pinsOf(features: SiteFeature[]): Pin[] {
  const pins: Pin[] = [];
  for (const f of features) {
    const [lng, lat] = f.geometry.coordinates;
    if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    pins.push({
      id: f.id,
      name: f.properties.name,
      lat,
      lng,
      level: levelOf(f.properties.worst_severity),
      openDefects: f.properties.open_defects,
    });
  }
  return pins;
}

/** Where tiles come from, when a deployment sets one; without it the pins draw on a plain background. */
const TILE_URL: string | undefined = import.meta.env.VITE_MAP_TILE_URL || undefined;
const TILE_ATTRIBUTION: string | undefined = import.meta.env.VITE_MAP_TILE_ATTRIBUTION || undefined;

/**
 * The properties on a map, each pin coloured and sized by its worst open defect, with a legend in words.
 * Leaflet loads with the map only. The map is one tab stop (arrow keys pan it, + and − zoom); the table of
 * properties beside it is the way to reach each property by keyboard.
 */
export function MapPanel() {
  const t = m.sites.map;
  const headingId = useId();
  const hintId = useId();
  const query = useSiteMap();
  const pins = useMemo(() => (query.data ? pinsOf(query.data) : []), [query.data]);
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  // The latest navigate, without redrawing the map when its identity changes.
  const go = useRef(navigate);
  useEffect(() => {
    go.current = navigate;
  }, [navigate]);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    const node = container.current;
    if (!node || pins.length === 0) return;
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    setState('loading');
    import('./leafletMap')
      .then(({ drawMap }) => {
        if (cancelled) return;
        cleanup = drawMap(node, {
          pins,
          tileUrl: TILE_URL,
          tileAttribution: TILE_ATTRIBUTION,
          hrefOf: paths.site,
          onOpen: (id) => void go.current(paths.site(id)),
          texts: {
            severity: severityLabel,
            worst: t.worst,
            openDefects: t.openDefects,
            zoomIn: t.zoomIn,
            zoomOut: t.zoomOut,
          },
        });
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [pins, t]);

  const body = () => {
    if (query.isPending) return <Loading label={t.loading} />;
    if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
    if (pins.length === 0) return <p className="empty">{t.empty}</p>;
    return (
      <>
        <p id={hintId} className="muted">
          {t.hint}
        </p>
        {state === 'failed' ? (
          <div className="alert alert-info" role="status">
            <p>{t.failed}</p>
          </div>
        ) : null}
        <div className={styles.frame} hidden={state === 'failed'}>
          <div
            ref={container}
            className={styles.map}
            role="region"
            aria-labelledby={headingId}
            aria-describedby={hintId}
            data-pins={pins.length}
          />
          {state === 'loading' ? (
            <div className={styles.overlay}>
              <Loading label={t.loading} />
            </div>
          ) : null}
        </div>
        <p className="visually-hidden" role="status">
          {state === 'drawn' ? t.pins(pins.length) : ''}
        </p>
      </>
    );
  };

  return (
    // Not a region itself: the map is, named by this heading.
    <div className={`card ${styles.panel}`}>
      <h2 id={headingId}>{t.title}</h2>
      {body()}
      <Legend />
    </div>
  );
}

/** What each colour and size means, in words. */
function Legend() {
  const t = m.sites.map;
  const id = useId();
  return (
    <div className={styles.legend}>
      <h3 id={id} className={styles.legendTitle}>
        {t.legend}
      </h3>
      <ul className={styles.legendList} aria-labelledby={id}>
        {LEVELS.map((level) => (
          <li key={level} data-severity={level}>
            <span className={`${styles.swatch} ${styles[`swatch_${level}`] ?? ''}`} aria-hidden="true" />
            {severityLabel(level)}
          </li>
        ))}
      </ul>
    </div>
  );
}
