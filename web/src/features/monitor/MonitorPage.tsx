import { Tabs, Typography } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { CensusPanel } from './CensusPanel.tsx';
import { DutyBoard } from './DutyBoard.tsx';
import { MissedPanel } from './MissedPanel.tsx';
import { RosterPanel } from './RosterPanel.tsx';

/** 监督员管理: 在岗 and attendance with tracks and grids, and the duty roster (docs/monitor.md). */
export function MonitorPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('monitor.title')} testId="page-monitor">
      <Typography.Paragraph type="secondary">{t('monitor.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'board', label: t('monitor.tabs.board'), children: <DutyBoard /> },
          { key: 'roster', label: t('monitor.tabs.roster'), children: <RosterPanel /> },
          { key: 'missed', label: t('monitor.tabs.missed'), children: <MissedPanel /> },
          { key: 'census', label: t('monitor.tabs.census'), children: <CensusPanel /> },
        ]}
      />
    </PageSection>
  );
}
