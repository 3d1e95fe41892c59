// The map drawn with Leaflet. Only PinMap imports this, dynamically: Leaflet and its stylesheet are a
// chunk of their own, loaded when a map is shown, never with the sign-in page or the rest of the app.
import { circleMarker, control, latLngBounds, map as leafletMap, tileLayer, type LatLngTuple } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { PIN_RADIUS, SEVERITY_COLOUR, type SeverityLevel } from '../severity';

export interface Pin {
  id: string;
  name: string;
  lat: number;
  lng: number;
  level: SeverityLevel;
  openDefects: number;
  /** The company the site belongs to, named first in the tooltip and popup (the whole-group map). */
  company?: string | undefined;
}

export interface MapTexts {
  /** The severity in words. */
  severity: (level: SeverityLevel) => string;
  worst: (label: string) => string;
  openDefects: (n: number) => string;
  zoomIn: string;
  zoomOut: string;
}

export interface DrawOptions {
  pins: Pin[];
  texts: MapTexts;
  /** A tile URL template (`https://…/{z}/{x}/{y}.png`); none draws the pins on a plain background. */
  tileUrl?: string | undefined;
  tileAttribution?: string | undefined;
  /** The site page's address, for the popup's link. */
  hrefOf: (id: string) => string;
  /** Follows the popup's link inside the app (no full page load). */
  onOpen: (id: string) => void;
}

/** Text in an element of its own: names are staff-typed, and nothing is ever inserted as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function tooltipContent(pin: Pin, texts: MapTexts): HTMLElement {
  const box = el('div');
  if (pin.company) box.append(el('span', pin.company), el('br'));
  box.append(el('strong', pin.name), el('br'), el('span', texts.worst(texts.severity(pin.level))));
  return box;
}

function popupContent(pin: Pin, o: DrawOptions): HTMLElement {
  const box = el('div', undefined, 'site-pin-popup');
  const title = el('p');
  const link = el('a', pin.name);
  link.href = o.hrefOf(pin.id);
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    o.onOpen(pin.id);
  });
  title.append(link);
  if (pin.company) box.append(el('p', pin.company, 'site-pin-company'));
  box.append(title, el('p', o.texts.worst(o.texts.severity(pin.level))), el('p', o.texts.openDefects(pin.openDefects)));
  return box;
}

/** Draws the pins (worst on top), fitted to their bounds. Returns the cleanup. */
export function drawMap(container: HTMLElement, o: DrawOptions): () => void {
  const map = leafletMap(container, {
    zoomControl: false,
    attributionControl: Boolean(o.tileUrl),
    // No wheel zoom: scrolling the page over the map must keep scrolling the page.
    scrollWheelZoom: false,
  });
  control.zoom({ zoomInTitle: o.texts.zoomIn, zoomOutTitle: o.texts.zoomOut }).addTo(map);
  if (o.tileUrl) {
    tileLayer(o.tileUrl, { maxZoom: 19, attribution: o.tileAttribution ?? '' }).addTo(map);
    map.attributionControl?.setPrefix(false);
  }
  // The view first: Leaflet draws a layer (and so its SVG path exists) only once the map has one.
  const points: LatLngTuple[] = o.pins.map((p) => [p.lat, p.lng]);
  if (points.length === 1) map.setView(points[0]!, 14);
  else if (points.length > 1) map.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
  else map.setView([0, 0], 1);
  // Least severe first, so the worst pins are drawn last, on top.
  const order = [...o.pins].sort((a, b) => PIN_RADIUS[a.level] - PIN_RADIUS[b.level]);
  for (const pin of order) {
    const colour = SEVERITY_COLOUR[pin.level];
    const marker = circleMarker([pin.lat, pin.lng], {
      radius: PIN_RADIUS[pin.level],
      color: '#ffffff',
      weight: 2,
      fillColor: colour,
      fillOpacity: 1,
      className: `site-pin site-pin-${pin.level}`,
    })
      .bindTooltip(tooltipContent(pin, o.texts), { direction: 'top', offset: [0, -PIN_RADIUS[pin.level]] })
      // The popup opens on the pin itself, not where the pointer happened to touch it.
      .on('click', () => {
        map.openPopup(popupContent(pin, o), [pin.lat, pin.lng], { offset: [0, -PIN_RADIUS[pin.level]] });
      })
      .addTo(map);
    const path = marker.getElement();
    if (path) {
      path.setAttribute('data-severity', pin.level);
      path.setAttribute('data-site', pin.id);
      path.setAttribute('data-colour', colour);
    }
  }
  return () => {
    map.remove();
  };
}
