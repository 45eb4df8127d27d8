import type { HotlineStatus } from '../../../../common/contracts/hotline.ts';
import { tryT, type Locale } from '../../../../common/i18n/core.ts';
import { errorText, isApiError } from '../../api/errors.ts';

export const STATUS_COLORS: Record<HotlineStatus, string> = {
  pending_sign: 'orange',
  signed: 'blue',
  converted: 'geekblue',
  replied: 'cyan',
  closed: 'green',
  returned: 'default',
};

/** The hotline's own error texts first (hotline.errors.*), then the shared catalog. */
export function hotlineErrorText(error: unknown, locale: Locale): string {
  if (isApiError(error) && error.code.startsWith('HOTLINE_')) {
    const own = tryT(locale, `hotline.errors.${error.code}`);
    if (own) return own;
  }
  return errorText(error, locale);
}

export const label = (
  locale: Locale,
  group: 'source' | 'status' | 'urgency' | 'satisfaction' | 'via' | 'action',
  key: string,
) => tryT(locale, `hotline.${group}.${key}`) ?? key;
