/**
 * EXTENSION POINT — online basemap (天地图, or any XYZ/WMTS tile service the bureau configures).
 *
 * Off by default: the offline map draws only the city's own GeoJSON on a neutral background (docs/conventions.md, "Maps";
 * unofficial China boundaries must never ship as a default). The server answers `GET /api/geo/basemap` with the
 * tile layer configured by MAP_BASEMAP_URL (see .env.example) or null; the map adds it beneath the vector layers,
 * with its attribution (which must carry the 审图号), and offers it in the layer switcher.
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
export async function loadBasemap(signal?: AbortSignal): Promise<BasemapConfig | null> {
  try {
    const res = await fetch('/api/geo/basemap', {
      signal,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return null;
    const body = (await res.json()) as (BasemapConfig & { labelsUrl: string | null }) | null;
    if (!body) return null;
    return {
      url: body.url,
      attribution: body.attribution,
      subdomains: body.subdomains,
      maxZoom: body.maxZoom,
      ...(body.labelsUrl ? { labelsUrl: body.labelsUrl } : {}),
    };
  } catch {
    // Offline or unreachable: the map simply stays on its own layers.
    return null;
  }
}
