import { Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../features/auth/context.ts';
import { LoginForm } from '../features/auth/LoginForm.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/context.ts';

/** Only same-site paths are followed after sign-in (no open redirect through ?next=). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (auth.status === 'loading') return <FullPageSpin />;
  if (auth.me) return <Navigate to={next} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)' }}
      data-testid="page-login"
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 8 }}>
        <LanguageSwitch compact={false} />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <Flex vertical align="center" style={{ marginBottom: 20 }}>
          <Typography.Title level={3} style={{ margin: 0, color: '#1677ff' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.login.subtitle')}</Typography.Text>
        </Flex>
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('app.copyright')}
      </Typography.Text>
    </Flex>
  );
}
