import { Button, Dropdown, Grid } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { isLocale, LOCALES, t as translate } from '../../../common/i18n/core.ts';
import { useI18n } from './context.ts';

/** Header language menu; each language is named in itself so a lost user can find theirs. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const screens = Grid.useBreakpoint();
  const iconOnly = compact ?? screens.sm === false;
  const items = LOCALES.map((code) => ({
    key: code,
    label: <span data-testid={`lang-option-${code}`}>{translate(code, `lang.${code}`)}</span>,
  }));
  return (
    <Dropdown
      menu={{ items, selectable: true, selectedKeys: [locale], onClick: ({ key }) => isLocale(key) && setLocale(key) }}
      trigger={['click']}
    >
      <Button type="text" icon={<TranslationOutlined />} aria-label={t('lang.label')} data-testid="lang-switch">
        {iconOnly ? null : t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
