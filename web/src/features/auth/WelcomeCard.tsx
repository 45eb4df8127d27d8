import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { roleLabel } from '../org/labels.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from './context.ts';

/** Who is signed in: name, city (tenant), roles with their unit/region scope. */
export function WelcomeCard() {
  const { t, locale } = useI18n();
  const me = useAuth().me;
  if (!me) return null;
  const { user } = me;
  return (
    <Card data-testid="welcome-card">
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome-greeting">
        {t('home.greeting', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('app.slogan')}</Typography.Paragraph>
      {user.mustChangePassword ? (
        <Alert type="warning" showIcon title={t('home.mustChangePassword')} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('home.tenant')}>
          <span data-testid="welcome-tenant">
            {t('common.nameWithCode', { name: user.tenantName, code: user.tenantCode })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('home.roles')} span="filled">
          {me.grants.length === 0 ? (
            <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
          ) : (
            <Space size={[4, 4]} wrap data-testid="welcome-roles">
              {me.grants.map((g, i) => {
                const scope = [
                  g.unitName ? t('home.scopeUnit', { name: g.unitName }) : null,
                  g.regionName ? t('home.scopeRegion', { name: g.regionName }) : null,
                ]
                  .filter(Boolean)
                  .join(t('common.listSeparator'));
                return (
                  <Tag
                    key={`${g.role}-${i}`}
                    color={g.role === 'admin' ? 'red' : 'blue'}
                    data-testid={`welcome-role-${g.role}`}
                  >
                    {roleLabel(locale, g.role)}
                    {` · ${scope || t('home.scopeAll')}`}
                  </Tag>
                );
              })}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
