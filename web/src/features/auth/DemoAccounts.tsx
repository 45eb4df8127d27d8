import { Button, Collapse, Flex, Typography } from 'antd';
import type { SignInHints } from '../../../../common/contracts/auth.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { roleLabel } from '../cases/labels.ts';
import { authApi } from './auth.api.ts';

type Account = NonNullable<SignInHints['demo']>['accounts'][number];

/**
 * The demo city's accounts under the sign-in form, one click to fill the form. The server offers them only while it
 * seeds the demo city; a real deployment answers nothing and this shows nothing (also when the request fails).
 */
export function DemoAccounts({ onPick }: { onPick: (tenantCode: string, account: Account) => void }) {
  const { t, locale } = useI18n();
  const demo = useResource((signal) => authApi.signInHints(signal), []).data?.demo;
  if (!demo?.accounts.length) return null;
  return (
    <Collapse
      size="small"
      ghost
      style={{ marginTop: 16 }}
      data-testid="login-demo"
      items={[
        {
          key: 'demo',
          label: t('auth.login.demoTitle'),
          children: (
            <Flex vertical gap={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('auth.login.demoHint')}
              </Typography.Text>
              {demo.accounts.map((a) => (
                <Button
                  key={a.username}
                  size="small"
                  type="text"
                  style={{ justifyContent: 'space-between', display: 'flex' }}
                  onClick={() => onPick(demo.tenantCode, a)}
                  data-testid={`login-demo-${a.username}`}
                >
                  <span>{roleLabel(locale, a.role)}</span>
                  <Typography.Text code>{a.username}</Typography.Text>
                </Button>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
