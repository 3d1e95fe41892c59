import { useEffect, useId, useRef, useState } from 'react';
import { Loading } from '../../../components/Loading';
import { m } from '../../../messages';
import type { SiteFeature } from '../api';
import { LEVELS, levelOf, severityLabel } from '../severity';
import type { Pin } from './leafletMap';
import styles from './MapPanel.module.css';

export type { Pin } from './leafletMap';

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

interface Props {
  /** At least one: the panel says so itself when there is none. */
  pins: Pin[];
  /** The id of the heading that names the map. */
  labelledBy: string;
  /** How to use the map, said above it. */
  hint: string;
  /** The popup's link to a site. */
  hrefOf: (id: string) => string;
  /** Follows the popup's link inside the app. */
  onOpen: (id: string) => void;
}

/**
 * Pins on a map, each coloured and sized by its worst open defect, with the hint above it. Leaflet loads
 * with the map only. The map is one tab stop (arrow keys pan it, + and − zoom); a table of the properties
 * beside it is the way to reach each by keyboard.
 */
export function PinMap({ pins, labelledBy, hint, hrefOf, onOpen }: Props) {
  const t = m.sites.map;
  const hintId = useId();
  const container = useRef<HTMLDivElement>(null);
  // The latest callbacks, without redrawing the map when their identity changes.
  const links = useRef({ hrefOf, onOpen });
  useEffect(() => {
    links.current = { hrefOf, onOpen };
  }, [hrefOf, onOpen]);
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
          hrefOf: (id) => links.current.hrefOf(id),
          onOpen: (id) => links.current.onOpen(id),
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

  return (
    <>
      <p id={hintId} className="muted">
        {hint}
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
          aria-labelledby={labelledBy}
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
}

/** What each colour and size means, in words. */
export function MapLegend() {
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
