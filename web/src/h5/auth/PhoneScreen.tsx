import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../../i18n/context.ts';
import { LanguageSelect } from '../../phone/ui/LanguageSelect.tsx';

/** The app's frame without its tabs, for what comes before or instead of it: sign-in, a password change, a refusal. */
export function PhoneScreen({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('h5.title')}`;
  }, [title, t]);
  return (
    <div className="phone-root h5-root" data-testid={testId}>
      <header className="phone-header h5-header">
        <h1 className="phone-header-title h5-header-title">{title}</h1>
        <LanguageSelect />
      </header>
      <main className="phone-content h5-screen-content">{children}</main>
    </div>
  );
}
