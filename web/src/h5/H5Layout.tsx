import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MessageKey } from '../../../common/i18n/core.ts';
import { useI18n } from '../i18n/context.ts';
import { Badge } from '../phone/ui/choice.tsx';
import { Tag } from '../phone/ui/feedback.tsx';
import { Icon, type IconName } from '../phone/ui/icons.tsx';
import { useResource } from '../api/use-resource.ts';
import { h5Api } from './api/h5.api.ts';
import { useQueue } from './offline/queue-context.ts';
import { ReportPage } from './report/ReportPage.tsx';
import { DutyReporter } from './duty/DutyReporter.tsx';

const TABS: { to: string; key: 'report' | 'tasks' | 'drafts' | 'me'; icon: IconName }[] = [
  { to: '/h5', key: 'report', icon: 'camera' },
  { to: '/h5/tasks', key: 'tasks', icon: 'tasks' },
  { to: '/h5/drafts', key: 'drafts', icon: 'inbox' },
  { to: '/h5/me', key: 'me', icon: 'user' },
];

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
  const location = useLocation();
  const navigate = useNavigate();
  const { online, drafts } = useQueue();
  const path = location.pathname.replace(/\/+$/, '') || '/h5';
  const isReport = path === '/h5';
  const unsent = drafts.filter((d) => d.status !== 'sent').length;
  // My open tasks, counted again whenever the page changes (a task done, the list revisited) while online.
  const counts = useResource(online ? (signal) => h5Api.taskCounts(signal) : null, [online, path]).data;
  const tasks = (counts?.verifying ?? 0) + (counts?.checking ?? 0);
  const title = t(titleOf(path));

  useEffect(() => {
    document.title = `${title} · ${t('h5.title')}`;
  }, [title, t]);

  // A task opened from a link has nothing to go back to inside the app: back leads to the task list then.
  const back = () => (location.key === 'default' ? navigate('/h5/tasks', { replace: true }) : navigate(-1));

  return (
    <div className="phone-root h5-root" data-testid="h5-app" data-online={online}>
      <header className="phone-header h5-header">
        {path.startsWith('/h5/tasks/') ? (
          <button type="button" className="h5-back" aria-label={t('h5.back')} onClick={back} data-testid="h5-back">
            <Icon name="left" />
          </button>
        ) : null}
        <h1 className="phone-header-title h5-header-title">{title}</h1>
        <Tag color={online ? 'green' : 'orange'} data-testid="h5-network">
          {t(online ? 'h5.online' : 'h5.offline')}
        </Tag>
      </header>
      {!online ? (
        <div className="h5-banner" role="status" data-testid="h5-offline-banner">
          {t('h5.offlineBanner')}
        </div>
      ) : null}
      <DutyReporter />
      <main className="phone-content h5-content">
        <div hidden={!isReport}>
          <ReportPage active={isReport} />
        </div>
        {isReport ? null : <Outlet />}
      </main>
      <nav className="phone-tabbar h5-tabbar" aria-label={t('h5.title')}>
        {TABS.map((tab) => (
          <NavLink
            key={tab.key}
            to={tab.to}
            end={tab.key === 'report'}
            className={({ isActive }) => `phone-tab h5-tab${isActive ? ' active' : ''}`}
            data-testid={`h5-tab-${tab.key}`}
          >
            <span className="h5-tab-icon">
              <Icon name={tab.icon} />
              {tab.key === 'drafts' ? <Badge count={unsent} /> : null}
              {tab.key === 'tasks' ? <Badge count={tasks} label={t('h5.tasks.badge', { count: tasks })} /> : null}
            </span>
            <span>{t(`h5.tabs.${tab.key}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
