import { createContext, useContext } from 'react';
import type * as L from 'leaflet';

/**
 * The Leaflet map of 一张图 for the layer components rendered inside `<MapView>` (the case layer, and any other
 * business layer): each adds its own panes, markers and panel, so a new layer is one element in MapPage.
 * Null until the map exists.
 */
export const CityMapContext = createContext<L.Map | null>(null);

export const useCityMap = (): L.Map | null => useContext(CityMapContext);
