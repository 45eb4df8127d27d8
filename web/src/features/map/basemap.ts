/**
 * EXTENSION POINT — online basemap (天地图, or any XYZ/WMTS tile service the bureau configures).
 *
 * Off by default: the offline map draws only the city's own GeoJSON on a neutral background (DESIGN.md §4 Maps;
 * unofficial China boundaries must never ship as a default). The server does not expose a basemap setting yet.
 * When it does — e.g. `GET /api/geo/basemap` answering a BasemapConfig or null, fed by a `MAP_BASEMAP_URL` entry
 * in server/src/config.ts — implement `loadBasemap()` with that call; the map already adds the returned tile
 * layer beneath the vector layers, with its attribution (which must carry the 审图号), and offers it in the
 * layer switcher.
 *
 * Only WGS84/CGCS2000 tiles line up with our data (天地图 is CGCS2000). GCJ-02 services (AMap, Tencent) would be
 * offset by hundreds of metres and need a shifted tile layer, which this extension point does not do.
 */
export interface BasemapConfig {
  /** XYZ template, e.g. `https://t{s}.tianditu.gov.cn/vec_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=…` */
  url: string;
  subdomains?: string[];
  /** Shown in the map corner; for a map of China this must include the approval number (审图号). */
  attribution: string;
  maxZoom?: number;
  /** Optional label overlay (天地图 serves labels as a separate layer, e.g. cva_w). */
  labelsUrl?: string;
}

/** The configured basemap, or null for the offline default. */
export async function loadBasemap(): Promise<BasemapConfig | null> {
  return null;
}
