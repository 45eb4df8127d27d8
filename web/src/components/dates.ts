/**
 * Calendar dates in antd pickers. antd's DatePicker works on dayjs values (dayjs is antd's own date library);
 * forms keep plain `YYYY-MM-DD` strings, as the API does, and the pickers show the same format in every language
 * (a native <input type="date"> would follow the browser's language instead of the console's).
 */
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import updateLocale from 'dayjs/plugin/updateLocale';
import type { Locale } from '../../../common/i18n/core.ts';

// Weeks start on Monday in English too: the console counts ISO weeks (the heat map's week, the work calendar), as
// calendars in China do, and a Sunday-first picker row would pick the week before the one it shows.
dayjs.extend(updateLocale);
dayjs.updateLocale('en', { weekStart: 1 });

export { dayjs, type Dayjs };

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** Week start, month and weekday names of the picker panels follow the console language. */
export function setDateLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Form.Item props binding a DatePicker to a `YYYY-MM-DD` string field ('' when cleared). */
export const dateStringItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : ''),
};
