import { ApiError, errorText } from '../api/errors.ts';
import type { Locale } from '../../../common/i18n/core.ts';
import type { Translate } from '../i18n/context.ts';
import type { DraftError } from './offline/draft.ts';

/** A draft's last failure in the UI language: "network unavailable", or the catalog text of the server's code. */
export function draftErrorText(error: DraftError, locale: Locale, t: Translate): string {
  if (error.status === 0) return t('h5.drafts.networkError');
  if (error.status === 401) return t('h5.drafts.sessionExpired');
  return errorText(new ApiError({ status: error.status, code: error.code, message: error.message }), locale);
}
