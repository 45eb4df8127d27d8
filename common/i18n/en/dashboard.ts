import type { zhDashboard } from '../zh-CN/dashboard.ts';

/** The 1920×1080 command dashboard. */
export const enDashboard: typeof zhDashboard = {
  dashboard: {
    title: '{city} urban management command dashboard',
    openCases: 'Open cases',
    openOnMap: '{shown} of {total} on the map',
    todayIntake: "Today's intake by channel",
    todayReported: 'Reported today',
    todayClosed: 'Closed today',
    closeRate: 'Closure rate (month)',
    onTimeRate: 'On-time closure (month)',
    todayCloseRate: 'Closure rate (today)',
    todayOnTimeRate: 'On-time closure (today)',
    overdue: 'Overdue cases',
    overdueBy: '{h} h overdue',
    ranking: 'Unit ranking this month',
    unranked: 'too few cases',
    slaTitle: 'Open cases by deadline status',
    trend: 'Reported and closed, last 30 days',
    reported: 'Reported',
    closed: 'Closed',
    live: 'Live',
    offline: 'Disconnected, reconnecting',
    connecting: 'Connecting…',
    updatedAt: 'Updated {at}',
    exit: 'Back to console',
    fullscreen: 'Full screen',
    noData: 'No data',
    legend: { green: 'On track', yellow: 'Due soon', red: 'Overdue', paused: 'Paused', none: 'No clock' },
    loadFailed: 'Dashboard failed to load: {message}',
  },
};
