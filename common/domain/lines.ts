/**
 * The bureau's business lines in the console (docs/lines.md): 数字环卫, 数字园林, 数字市政, 数字排水, 数字渣土 and
 * 燃气安全, each a menu group, a layer on 一张图 and a panel of the 大屏, over the asset registers of that line. A
 * tenant switches lines off (setting `lines`); a switched-off line's routes answer 404 `LINE_SWITCHED_OFF`.
 */
import { ASSET_LINES, type AssetLine } from './assets.ts';

export const LINES = ASSET_LINES;
export type Line = AssetLine;

/** The tenant setting (settings key `lines`). */
export interface LinesSetting {
  enabled: Line[];
  /** 汛期 as MM-DD to MM-DD, inclusive; the 排水 panel shows the duty roster inside it */
  floodSeason: { from: string; to: string };
}

/** The setting's key in the settings module. */
export const LINES_SETTING_KEY = 'lines';

/**
 * Until an administrator chooses, every line is on, and the flood season is May to September. The season is a
 * default for the bureau to set to its own 防汛 orders (docs/lines.md), not a fact of the city.
 */
export const DEFAULT_LINES_SETTING: LinesSetting = {
  enabled: [...LINES],
  floodSeason: { from: '05-01', to: '09-30' },
};

/** Whether a calendar date (YYYY-MM-DD) lies in the season; a season may run over the new year (11-01 to 02-28). */
export function inFloodSeason(date: string, season: LinesSetting['floodSeason']): boolean {
  const md = date.slice(5, 10);
  return season.from <= season.to ? md >= season.from && md <= season.to : md >= season.from || md <= season.to;
}

/** How many people one day's roster names at most. */
export const MAX_DUTY_STAFF = 20;

/** The 排水 type whose assets are 易涝点, shown with the live depth of a bound water-level sensor. */
export const FLOOD_POINT_TYPE = 'DRN-FLOOD';

/** The attribute by which an asset names the code of its sensor (a water-level device at a 易涝点). */
export const SENSOR_ATTRIBUTE = 'deviceCode';

/**
 * The tenant setting (settings key `lines.shared`): per line, the codes of other lines' asset types its view also
 * shows (市政 → `DRN-MANHOLE`). The type stays of its own line, where its orders and figures are counted.
 */
export type LineSharedTypes = Partial<Record<Line, string[]>>;
export const LINE_SHARED_KEY = 'lines.shared';
/** How many other lines' types one line may show. */
export const MAX_SHARED_TYPES = 20;
