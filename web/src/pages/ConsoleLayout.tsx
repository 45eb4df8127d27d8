import { Suspense, type ComponentType } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MenuProps } from 'antd';
import type { MessageKey } from '../../../common/i18n/core.ts';
import { AppFrame } from '../components/AppFrame.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useAuth } from '../features/auth/context.ts';
import { UserMenu } from '../features/auth/UserMenu.tsx';
import { CallerPopup } from '../features/hotline/CallerPopup.tsx';
import { useEnabledLines } from '../features/lines/useLines.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useI18n } from '../i18n/context.ts';
import { MENU, menuEntryFor, visibleMenu } from '../menu.tsx';

/** The signed-in console: frame + permission-filtered menu + header tools; pages render in the Outlet. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const lines = useEnabledLines(!!auth.me);
  const nodes = visibleMenu(auth.me?.permissions ?? [], MENU, lines);

  const item = (key: string, labelKey: MessageKey, Icon: ComponentType) => ({
    key,
    icon: <Icon />,
    label: <span data-testid={`menu-${key}`}>{t(labelKey)}</span>,
  });
  const items: NonNullable<MenuProps['items']> = nodes.map((node) =>
    node.kind === 'item'
      ? item(node.entry.key, node.entry.labelKey, node.entry.icon)
      : {
          ...item(`group-${node.group.key}`, node.group.labelKey, node.group.icon),
          children: node.entries.map((e) => item(e.key, e.labelKey, e.icon)),
        },
  );
  const current = menuEntryFor(pathname);

  return (
    <AppFrame
      brand={t('app.name')}
      brandMark="CL"
      menuItems={items}
      selectedKeys={current ? [current.key] : []}
      defaultOpenKeys={nodes.flatMap((n) => (n.kind === 'group' ? [`group-${n.group.key}`] : []))}
      onNavigate={(key) => {
        const entry = MENU.find((e) => e.key === key);
        if (entry) void navigate(entry.path);
      }}
      headerRight={
        <>
          <LanguageSwitch />
          <UserMenu />
        </>
      }
      labels={{ openMenu: t('nav.openMenu'), collapse: t('nav.collapse'), expand: t('nav.expand') }}
    >
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
      {auth.me?.permissions.includes('hotline.handle') ? <CallerPopup /> : null}
    </AppFrame>
  );
}
