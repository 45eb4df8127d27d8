import { isLocale, LOCALES, t as translate } from '../../../../common/i18n/core.ts';
import { useI18n } from '../../i18n/context.ts';
import { Icon } from './icons.tsx';

/** The phone's own language picker for a page header (each language named in itself), a native select: no menu code. */
export function LanguageSelect() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="ph-lang">
      <Icon name="globe" />
      <select
        value={locale}
        onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
        aria-label={t('lang.label')}
        data-testid="lang-switch"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} data-testid={`lang-option-${code}`}>
            {translate(code, `lang.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
