import { useState, type ReactNode } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, theme, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';

export interface AppFrameProps {
  brand: ReactNode;
  /** Short brand for the collapsed sider. */
  brandMark: ReactNode;
  menuItems: NonNullable<MenuProps['items']>;
  selectedKeys: string[];
  defaultOpenKeys?: string[];
  onNavigate: (key: string) => void;
  headerRight: ReactNode;
  labels: { openMenu: string; collapse: string; expand: string };
  children: ReactNode;
}

const SIDER_WIDTH = 220;

/**
 * The console frame: sider menu on wide screens (collapsible to icons), a drawer menu on phones, and a header
 * with a slot on the right. Knows nothing of users or permissions; the caller passes the menu it may show.
 */
export function AppFrame(props: AppFrameProps) {
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  const menu = (
    <Menu
      mode="inline"
      items={props.menuItems}
      selectedKeys={props.selectedKeys}
      defaultOpenKeys={props.defaultOpenKeys}
      onClick={({ key }) => {
        setDrawerOpen(false);
        props.onNavigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="app-menu"
    />
  );
  const brandBar = (content: ReactNode) => (
    <Flex
      align="center"
      justify="center"
      style={{
        height: 56,
        fontWeight: 600,
        fontSize: 16,
        color: token.colorPrimary,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {content}
    </Flex>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          title={props.brand}
          styles={{ body: { padding: 0 } }}
          data-testid="app-drawer"
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
          data-testid="app-sider"
        >
          {brandBar(collapsed ? props.brandMark : props.brand)}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: mobile ? '0 8px' : '0 16px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {mobile ? (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setDrawerOpen(true)}
                  aria-label={props.labels.openMenu}
                  data-testid="menu-toggle"
                />
              ) : (
                <Button
                  type="text"
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={() => setCollapsed((c) => !c)}
                  aria-label={collapsed ? props.labels.expand : props.labels.collapse}
                  data-testid="menu-toggle"
                />
              )}
              {mobile ? (
                <span style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {props.brand}
                </span>
              ) : null}
            </Flex>
            <Flex align="center" gap={4}>
              {props.headerRight}
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }} data-testid="app-content">
          {props.children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
