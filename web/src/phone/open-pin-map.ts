import type { PinMap, PinMapOptions } from './pin-map.ts';

export type { LatLng, PinMap, PinMapOptions } from './pin-map.ts';

/** The map's start before a position or the city is known; the city's layer then fits the view (PinMap.setLayer). */
export { NOWHERE } from '../components/map-start.ts';

/**
 * Fetches the map code (Leaflet, in its own chunk) and mounts the map in `el`; `onReady` gets it once it is there.
 * Returns the clean-up for a React effect: it removes the map, or drops it unmounted if the page moved on first.
 */
export function openPinMap(el: HTMLElement, options: PinMapOptions, onReady: (map: PinMap) => void): () => void {
  let map: PinMap | null = null;
  let closed = false;
  void import('./pin-map.ts').then(({ createPinMap }) => {
    if (closed) return;
    map = createPinMap(el, options);
    onReady(map);
  });
  return () => {
    closed = true;
    map?.destroy();
  };
}
