import { useEffect } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MessageKey } from '../../../common/i18n/core.ts';
import { useI18n } from '../i18n/context.ts';
import { Badge } from '../phone/ui/choice.tsx';
import { Tag } from '../phone/ui/feedback.tsx';
import { Icon, type IconName } from '../phone/ui/icons.tsx';
import { useResource } from '../api/use-resource.ts';
import { h5Api } from './api/h5.api.ts';
import { useH5Role, type H5Role } from './auth/h5-role.ts';
import { useQueue } from './offline/queue-context.ts';
import { ReportPage } from './report/ReportPage.tsx';
import { DutyReporter } from './duty/DutyReporter.tsx';

const TABS: { to: string; key: 'report' | 'tasks' | 'drafts' | 'me'; icon: IconName }[] = [
  { to: '/h5', key: 'report', icon: 'camera' },
  { to: '/h5/tasks', key: 'tasks', icon: 'tasks' },
  { to: '/h5/drafts', key: 'drafts', icon: 'inbox' },
  { to: '/h5/me', key: 'me', icon: 'user' },
];

/** A handler has no 上报 tab: their work arrives from the command centre. */
const tabsOf = (role: H5Role) => (role === 'handler' ? TABS.filter((tab) => tab.key !== 'report') : TABS);

/** How many open tasks the badge shows: my 核实 and 核查, or my unit's cases to handle. */
function useTaskCount(role: H5Role, online: boolean, path: string): number {
  const counts = useResource(
    online
      ? (signal) =>
          role === 'handler'
            ? h5Api.unitCounts(signal).then((c) => c.handling ?? 0)
            : h5Api.taskCounts(signal).then((c) => (c.verifying ?? 0) + (c.checking ?? 0))
      : null,
    [online, path, role],
  );
  return counts.data ?? 0;
}

function titleOf(path: string, role: H5Role): MessageKey {
  if (path.startsWith('/h5/census')) return 'monitor.census.h5.title';
  if (path.startsWith('/h5/inspections')) return 'inspections.h5.title';
  if (path.startsWith('/h5/work-orders')) return 'inspections.wo.title';
  if (path.startsWith('/h5/tasks/')) return 'h5.task.title';
  if (path.startsWith('/h5/tasks')) return role === 'handler' ? 'h5handler.tasks.handling' : 'h5.tasks.title';
  if (path.startsWith('/h5/drafts')) return 'h5.drafts.title';
  if (path.startsWith('/h5/me')) return 'h5.me.title';
  return 'h5.report.title';
}

/**
 * The phone frame: header with the network state, the page, and a bottom tab bar. The report form stays mounted
 * while other tabs are open, so photos taken and text typed survive a look at the task list. A handler (处置通)
 * starts on the task list and has no report form.
 */
export function H5Layout() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const { online, drafts } = useQueue();
  const role = useH5Role() ?? 'inspector';
  const path = location.pathname.replace(/\/+$/, '') || '/h5';
  const isReport = path === '/h5' && role === 'inspector';
  const unsent = drafts.filter((d) => d.status !== 'sent').length;
  // Open tasks, counted again whenever the page changes (a task done, the list revisited) while online.
  const tasks = useTaskCount(role, online, path);
  const title = t(titleOf(path, role));
  const appName = t(role === 'handler' ? 'h5handler.title' : 'h5.title');

  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);

  if (path === '/h5' && role === 'handler') return <Navigate to="/h5/tasks" replace />;

  // A task opened from a link has nothing to go back to inside the app: back leads to the task list then.
  const back = () => (location.key === 'default' ? navigate('/h5/tasks', { replace: true }) : navigate(-1));

  return (
    <div className="phone-root h5-root" data-testid="h5-app" data-online={online} data-role={role}>
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
      <nav className="phone-tabbar h5-tabbar" aria-label={appName}>
        {tabsOf(role).map((tab) => (
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
              {tab.key === 'tasks' ? (
                <Badge
                  count={tasks}
                  label={t(role === 'handler' ? 'h5handler.tasks.badge' : 'h5.tasks.badge', { count: tasks })}
                />
              ) : null}
            </span>
            <span>{t(`h5.tabs.${tab.key}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
