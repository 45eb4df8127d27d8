import type { PinMap, PinMapOptions } from './pin-map.ts';

export type { LatLng, PinMap, PinMapOptions } from './pin-map.ts';

/**
 * Where a map starts when neither a position nor the city's extent is known yet: the middle of China, zoomed out.
 * The city's own layer moves the view onto the city as soon as it arrives (PinMap.setLayer).
 */
export const NOWHERE = { lat: 35, lng: 105 };

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
