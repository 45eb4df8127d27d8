import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Grid, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { useAuth } from './context.ts';

/** Header user dropdown: who is signed in, change password, sign out. Also forces the password change. */
export function UserMenu() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const me = auth.me;
  if (!me) return null;
  const forced = me.user.mustChangePassword;

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: <span data-testid="user-menu-tenant">{`${me.user.displayName} · ${me.user.tenantName}`}</span>,
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-change-password">{t('auth.changePassword')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-logout">{t('auth.logout')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') {
      // Straight to /login without ?next: whoever signs in next starts at their own home page.
      auth.logout().then(
        () => {
          void navigate('/login', { replace: true });
          void message.success(t('auth.loggedOut'));
        },
        (error: unknown) => void message.error(errorText(error, locale)),
      );
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={t('auth.userMenu')} data-testid="user-menu" style={{ paddingInline: 6 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
          {screens.sm === false ? null : <span data-testid="user-menu-name">{me.user.displayName}</span>}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing || forced} forced={forced} onClose={() => setChanging(false)} />
    </>
  );
}
