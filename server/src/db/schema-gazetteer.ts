/** Tables of migration 0033_gazetteer (modules/gazetteer, docs/gazetteer.md). */

export type GazetteerKind = 'road' | 'poi' | 'house_range';
export type HouseParity = 'all' | 'odd' | 'even';

export interface GazetteerPlacesTable {
  id: string;
  tenant_id: string;
  kind: GazetteerKind;
  ref: string;
  name: string;
  road_name: string | null;
  num_from: number | null;
  num_to: number | null;
  parity: HouseParity;
  /** GeoJSON Point or LineString, WGS84 */
  geometry: string;
  lng: number;
  lat: number;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

/** One searchable substring of a place's name, pinyin or initials. */
export interface GazetteerKeysTable {
  tenant_id: string;
  key: string;
  place_id: string;
  pos: number;
  whole: number;
}
