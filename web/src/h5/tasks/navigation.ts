/**
 * Links that hand the spot to the phone's own map app. Nothing is requested from a map service when the page
 * loads: these are plain links, followed only when the inspector taps them.
 */
const fixed = (value: number) => value.toFixed(6);

/** RFC 5870 `geo:` URI; Android offers the installed map apps (高德, 百度, 腾讯 all register for it). */
export function geoUri(lat: number, lng: number, label: string): string {
  const at = `${fixed(lat)},${fixed(lng)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

/**
 * Web fallback (iOS, WeChat's browser): 高德's URI API page, which opens the app when installed. Our positions
 * are WGS84, and `coordinate=wgs84` makes 高德 convert them to its GCJ-02 itself.
 */
export function amapMarkerUrl(lat: number, lng: number, label: string): string {
  const params = new URLSearchParams({
    position: `${fixed(lng)},${fixed(lat)}`,
    name: label,
    coordinate: 'wgs84',
    callnative: '1',
    src: 'cityloop',
  });
  return `https://uri.amap.com/marker?${params.toString()}`;
}
