import type { zhMap } from '../zh-CN/map.ts';

/** The city map and the component details it shows. */
export const enMap: typeof zhMap = {
  map: {
    title: 'City map',
    layers: {
      title: 'Layers', tenant: 'City boundary', street: 'Streets and towns', community: 'Communities', grid: 'Unit grids',
      components: 'Components', basemap: 'Online basemap',
    },
    gridZoomHint: 'Zoom to level {zoom} or closer to see the unit grids',
    legend: 'Legend',
    cluster: 'Component cluster (count; click to zoom in)',
    single: 'Single component (click for details)',
    classes: {
      '01': 'Municipal utilities', '02': 'Traffic facilities', '03': 'Sanitation facilities', '04': 'Parks and greenery',
      '05': 'Other components',
    },
    stats: '{grids} grids · {components} components',
    zoom: 'Zoom {zoom}',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Whole city',
    offline: 'Offline mode: no online basemap is configured; only the city\'s own vector layers are shown',
    loadFailed: 'Could not load the layer: {message}',
    gridInfo: { title: 'Unit grid', code: 'Grid code', community: 'Community', area: 'Area', areaValue: '{area} m²' },
  },
  geo: {
    crs: { wgs84: 'WGS84 (GPS)', cgcs2000: 'CGCS2000', gcj02: 'GCJ-02 (AMap, Tencent)', bd09: 'BD-09 (Baidu)' },
  },
  component: {
    drawerTitle: 'Component details',
    list: { search: 'Component ID or name', filterClass: 'Class code (5 digits)', filterState: 'State', onMap: 'Map' },
    code: 'Component ID',
    name: 'Name',
    class: 'Class',
    state: 'State',
    dept: 'Competent department',
    owner: 'Owner',
    maintainer: 'Maintainer',
    grid: 'Unit grid',
    community: 'Community',
    street: 'Street',
    position: 'Position (WGS84)',
    initialDate: 'Recorded on',
    changeDate: 'Changed on',
    source: 'Data source',
    notes: 'Notes',
    updatedAt: 'Updated',
    states: { intact: 'Intact', damaged: 'Damaged', lost: 'Lost', abandoned: 'Abandoned', removed: 'Removed' },
  },
};
