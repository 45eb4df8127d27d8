import type { zhKpi } from '../zh-CN/kpi.ts';

/** Assessment (KPI), rankings and the statistics report. */
export const enKpi: typeof zhKpi = {
  kpi: {
    title: 'Assessment',
    noData: 'No data',
    subjects: {
      tenant: 'City', street: 'Street (town)', community: 'Community', grid: 'Grid', unit: 'Handling unit',
      inspector: 'Inspector', operator: 'Operator', shiftLeader: 'Shift leader', dispatcher: 'Dispatcher',
    },
    periods: { day: 'Day', month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom' },
    indicators: {
      reports: 'Reports', validReportRate: 'Valid report rate', onTimeVerifyRate: 'On-time verification rate', onTimeCheckRate: 'On-time check rate',
      missedReportRate: 'Missed report rate', accepted: 'Accepted', verifySendOnTimeRate: 'Verification sent on time', checkSendOnTimeRate: 'Check sent on time',
      filed: 'Filed', onTimeFilingRate: 'On-time filing rate', accurateFilingRate: 'Accurate filing rate', onTimeCloseStepRate: 'On-time closing rate (shift leader)',
      dispatched: 'Dispatched', onTimeDispatchRate: 'On-time dispatch rate', accurateDispatchRate: 'Accurate dispatch rate', handleRate: 'Handling rate',
      onTimeHandleRate: 'On-time handling rate', overdueRate: 'Overdue rate', extensionRate: 'Extension rate', reworkRate: 'Rework rate', closeRate: 'Closure rate',
      onTimeCloseRate: 'On-time closure rate', publicReportRate: 'Public report rate', satisfactionRate: 'Satisfaction rate', avgHandlingHours: 'Average handling time (hours)',
      overdueCount: 'Overdue', escalatedCount: 'Escalated',
    },
    parts: { acceptedScore: 'Accepted (banded)', dispatchedScore: 'Dispatched (banded)', filedScore: 'Filed (banded)' },
    ranking: {
      title: 'Ranking of {month} ({subject})', rank: 'Rank', name: 'Name', score: 'Composite score', grade: 'Grade',
      redFlag: 'Red flag of the month', bottom: 'Bottom list', none: 'No eligible unit this month',
    },
    lists: { overdue: 'Overdue cases', escalated: 'Escalated cases' },
    cols: {
      caseNo: 'Case no.', status: 'Status', matter: 'Matter', address: 'Address', street: 'Street (town)', unit: 'Handling unit',
      reportedAt: 'Reported', filedAt: 'Filed', deadline: 'Handling deadline', escalations: 'Escalations',
    },
  },
  report: {
    title: '{tenant} digital urban management statistics ({period})',
    generatedAt: 'Generated {at}',
    noData: 'No cases in this period.',
    percentNoData: '— (no data)',
    periodMonth: '{month}/{year}', periodQuarter: 'Q{quarter} {year}', periodYear: 'year {year}', periodCustom: '{from} to {to}',
    sections: {
      overview: '1. Overview', channels: '2. Sources', classes: '3. Problem classes', regions: '4. Regions', units: '5. Handling units',
      quality: '6. Closure, timeliness and satisfaction', overdue: '7. Overdue and rework',
    },
    text: {
      overview: 'In {period}, {reported, plural, one {# problem was} other {# problems were}} received, {filed} filed and {voided} voided; of {needClose, plural, one {# case} other {# cases}} due, {closed, plural, one {# was} other {# were}} closed (closure rate {closeRate}), {closedOnTime} on time (on-time closure rate {onTimeCloseRate}).',
      inspector: 'Inspectors reported {inspectorReported} ({inspectorShare} of all), the public {publicReported}; inspectors fixed {selfHandled} on the spot.',
      channels: 'By source: {list}.',
      channelItem: '{name} {count}',
      classes: 'The largest problem classes: {list}.',
      regions: 'Streets with the most problems: {list}.',
      units: '{dispatched, plural, one {# case was} other {# cases were}} dispatched; units handled {handled} (handling rate {handleRate}, on time {onTimeHandleRate}); {extended} extended, {suspended} suspended.',
      unitsBest: 'Best on-time closure: {name} ({rate}).',
      quality: 'Closure rate {closeRate}, on-time closure rate {onTimeCloseRate}; {rated, plural, one {# revisit} other {# revisits}}, {satisfied} satisfied, satisfaction rate {satisfactionRate}; average handling time {avgHours, plural, one {# hour} other {# hours}}.',
      overdue: 'Of the cases filed, {overdue} went overdue (overdue rate {overdueRate}); {reworked, plural, one {# was} other {# were}} reworked (rework rate {reworkRate}); {escalated, plural, one {# was} other {# were}} escalated. At generation time {openOverdue, plural, one {# case is} other {# cases are}} overdue with their units.',
    },
    cols: {
      name: 'Name', reported: 'Received', filed: 'Filed', needClose: 'Due', closed: 'Closed', closeRate: 'Closure rate (%)',
      closedOnTime: 'Closed on time', onTimeCloseRate: 'On-time closure (%)', overdue: 'Overdue', reworked: 'Reworked', rated: 'Revisits',
      satisfactionRate: 'Satisfaction (%)', dispatched: 'Dispatched', handled: 'Handled', onTimeHandleRate: 'On-time handling (%)', score: 'Composite score', grade: 'Grade',
      indicator: 'Indicator', value: 'Value',
    },
    tables: { channels: 'By source', classes: 'By problem class', regions: 'By street (town)', units: 'By handling unit', quality: 'Main indicators', overdue: 'Overdue and rework' },
    channels: { inspector: 'Inspector patrol', operator: 'Operator entry', leader: 'Leader instruction', public: 'Citizen app', hotline: 'Hotline', petition: 'Petition', sensor: 'Sensor', camera: 'Camera' },
  },
};
