import { useNavigate } from 'react-router-dom';
import { LOCALES, t as translate, type Locale } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Button, buttonClass } from '../../phone/ui/controls.tsx';
import { Details, Tag } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { useQueue } from '../offline/queue-context.ts';

/** 我的: who is signed in, language, network and outbox state, the desktop console, sign out. */
export function MePage() {
  const { t, locale, setLocale } = useI18n();
  const auth = useAuth();
  const queue = useQueue();
  const navigate = useNavigate();
  const me = auth.me;
  if (!me) return null;
  const pending = queue.drafts.filter((d) => d.status === 'pending').length;
  const failed = queue.drafts.filter((d) => d.status === 'failed').length;

  const logout = () =>
    auth.logout().then(
      () => navigate('/h5/login', { replace: true }),
      (error: unknown) => toast.error(errorText(error, locale)),
    );

  return (
    <div data-testid="h5-me">
      <section className="phone-section h5-section">
        <h2 className="h5-me-name">{me.user.displayName}</h2>
        <Details
          rows={[
            { key: 'user', label: t('h5.me.user'), value: me.user.username },
            {
              key: 'tenant',
              label: t('h5.me.tenant'),
              value: t('common.nameWithCode', { name: me.user.tenantName, code: me.user.tenantCode }),
            },
            {
              key: 'network',
              label: t('h5.me.network'),
              value: (
                <Tag color={queue.online ? 'green' : 'orange'}>{t(queue.online ? 'h5.online' : 'h5.offline')}</Tag>
              ),
            },
            { key: 'drafts', label: t('h5.me.drafts'), value: t('h5.me.draftsCount', { pending, failed }) },
          ]}
        />
      </section>
      <section className="phone-section h5-section">
        <h2 className="h5-section-title">{t('h5.me.language')}</h2>
        <Segmented<Locale>
          label={t('h5.me.language')}
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((code) => ({
            value: code,
            label: translate(code, `lang.${code}`),
            testId: `h5-lang-${code}`,
          }))}
        />
      </section>
      <a className={buttonClass('default', 'large', true, 'h5-me-button')} href="/" data-testid="h5-me-console">
        <Icon name="desktop" />
        <span>{t('h5.me.console')}</span>
      </a>
      <Button size="large" block kind="danger" icon="logout" onClick={() => void logout()} data-testid="h5-me-logout">
        {t('h5.me.logout')}
      </Button>
    </div>
  );
}
