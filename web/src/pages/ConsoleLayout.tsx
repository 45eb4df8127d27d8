import { Suspense, type ComponentType, type CSSProperties } from 'react';
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

/** A group's title: one line inside the title's padding, which keeps the arrow's place free. */
const GROUP_LABEL: CSSProperties = {
  flex: '1 1 auto',
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/** The signed-in console: frame + permission-filtered menu + header tools; pages render in the Outlet. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const lines = useEnabledLines(!!auth.me);
  const nodes = visibleMenu(auth.me?.permissions ?? [], MENU, lines);

  // A label too long for the sider (English mostly) ends in an ellipsis and gives its whole text on hover. The menu
  // clips an entry's label itself; a group's label sits beside the group's arrow unclipped, so it is clipped here.
  const item = (key: string, labelKey: MessageKey, Icon: ComponentType, group = false) => ({
    key,
    icon: <Icon />,
    label: (
      <span data-testid={`menu-${key}`} title={t(labelKey)} style={group ? GROUP_LABEL : undefined}>
        {t(labelKey)}
      </span>
    ),
  });
  const items: NonNullable<MenuProps['items']> = nodes.map((node) =>
    node.kind === 'item'
      ? item(node.entry.key, node.entry.labelKey, node.entry.icon)
      : {
          ...item(`group-${node.group.key}`, node.group.labelKey, node.group.icon, true),
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
