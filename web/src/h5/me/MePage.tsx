import { App, Button, Descriptions, Segmented, Tag } from 'antd';
import { DesktopOutlined, LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { LOCALES, t as translate, type Locale } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { useQueue } from '../offline/queue-context.ts';

/** 我的: who is signed in, language, network and outbox state, the desktop console, sign out. */
export function MePage() {
  const { t, locale, setLocale } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const queue = useQueue();
  const navigate = useNavigate();
  const me = auth.me;
  if (!me) return null;
  const pending = queue.drafts.filter((d) => d.status === 'pending').length;
  const failed = queue.drafts.filter((d) => d.status === 'failed').length;

  const logout = () =>
    auth.logout().then(
      () => navigate('/login?next=%2Fh5', { replace: true }),
      (error: unknown) => void message.error(errorText(error, locale)),
    );

  return (
    <div data-testid="h5-me">
      <section className="phone-section h5-section">
        <div style={{ fontSize: 20, fontWeight: 600 }}>{me.user.displayName}</div>
        <Descriptions column={1} size="small" style={{ marginTop: 8 }} items={[
          { key: 'user', label: t('h5.me.user'), children: me.user.username },
          { key: 'tenant', label: t('h5.me.tenant'), children: `${me.user.tenantName}（${me.user.tenantCode}）` },
          { key: 'network', label: t('h5.me.network'), children: <Tag color={queue.online ? 'green' : 'orange'}>{t(queue.online ? 'h5.online' : 'h5.offline')}</Tag> },
          { key: 'drafts', label: t('h5.me.drafts'), children: t('h5.me.draftsCount', { pending, failed }) },
        ]} />
      </section>
      <section className="phone-section h5-section">
        <div className="h5-section-title">{t('h5.me.language')}</div>
        <Segmented<Locale>
          block
          size="large"
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((code) => ({ value: code, label: <span data-testid={`h5-lang-${code}`}>{translate(code, `lang.${code}`)}</span> }))}
        />
      </section>
      <Button size="large" block icon={<DesktopOutlined />} href="/" style={{ marginBottom: 12 }} data-testid="h5-me-console">
        {t('h5.me.console')}
      </Button>
      <Button size="large" block danger icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="h5-me-logout">
        {t('h5.me.logout')}
      </Button>
    </div>
  );
}
