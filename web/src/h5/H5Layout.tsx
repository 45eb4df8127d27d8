import { Badge, Button, Tag } from 'antd';
import { CameraOutlined, InboxOutlined, LeftOutlined, ScheduleOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MessageKey } from '../../../common/i18n/core.ts';
import { useI18n } from '../i18n/context.ts';
import { useQueue } from './offline/queue-context.ts';
import { ReportPage } from './report/ReportPage.tsx';

const TABS = [
  { to: '/h5', key: 'report', icon: <CameraOutlined /> },
  { to: '/h5/tasks', key: 'tasks', icon: <ScheduleOutlined /> },
  { to: '/h5/drafts', key: 'drafts', icon: <InboxOutlined /> },
  { to: '/h5/me', key: 'me', icon: <UserOutlined /> },
] as const;

function titleOf(path: string): MessageKey {
  if (path.startsWith('/h5/tasks/')) return 'h5.task.title';
  if (path.startsWith('/h5/tasks')) return 'h5.tasks.title';
  if (path.startsWith('/h5/drafts')) return 'h5.drafts.title';
  if (path.startsWith('/h5/me')) return 'h5.me.title';
  return 'h5.report.title';
}

/**
 * The phone frame: header with the network state, the page, and a bottom tab bar. The report form stays mounted
 * while other tabs are open, so photos taken and text typed survive a look at the task list.
 */
export function H5Layout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { online, drafts } = useQueue();
  const path = pathname.replace(/\/+$/, '') || '/h5';
  const isReport = path === '/h5';
  const unsent = drafts.filter((d) => d.status !== 'sent').length;

  return (
    <div className="phone-root h5-root" data-testid="h5-app" data-online={online}>
      <header className="phone-header h5-header">
        {path.startsWith('/h5/tasks/') ? (
          <Button type="text" icon={<LeftOutlined />} aria-label={t('h5.back')} onClick={() => navigate(-1)} style={{ width: 44, height: 44 }} data-testid="h5-back" />
        ) : null}
        <span className="phone-header-title h5-header-title">{t(titleOf(path))}</span>
        <Tag color={online ? 'green' : 'orange'} style={{ margin: 0 }} data-testid="h5-network">{t(online ? 'h5.online' : 'h5.offline')}</Tag>
      </header>
      {!online ? <div className="h5-banner" data-testid="h5-offline-banner">{t('h5.offlineBanner')}</div> : null}
      <main className="phone-content h5-content">
        <div hidden={!isReport}>
          <ReportPage active={isReport} />
        </div>
        {isReport ? null : <Outlet />}
      </main>
      <nav className="phone-tabbar h5-tabbar" aria-label={t('h5.title')}>
        {TABS.map((tab) => (
          <NavLink key={tab.key} to={tab.to} end={tab.key === 'report'} className={({ isActive }) => `phone-tab h5-tab${isActive ? ' active' : ''}`} data-testid={`h5-tab-${tab.key}`}>
            {tab.key === 'drafts' ? <Badge count={unsent} size="small" offset={[4, 0]}>{tab.icon}</Badge> : tab.icon}
            <span>{t(`h5.tabs.${tab.key}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
