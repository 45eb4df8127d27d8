import { Tabs } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ApplicationsTab } from './ApplicationsTab.tsx';
import { ConsultationsTab } from './ConsultationsTab.tsx';
import { FiguresCards } from './FiguresCards.tsx';
import { TypesTab } from './TypesTab.tsx';

/** 行政审批 (docs/approvals.md): the year's figures, the applications, the consultations log and the types. */
export function ApprovalsPage() {
  const { t } = useI18n();
  return (
    <PageSection title={t('approvals.title')} testId="page-approvals">
      <FiguresCards />
      <Tabs
        destroyOnHidden
        defaultActiveKey="applications"
        items={[
          { key: 'applications', label: t('approvals.tabs.applications'), children: <ApplicationsTab /> },
          { key: 'consultations', label: t('approvals.tabs.consultations'), children: <ConsultationsTab /> },
          { key: 'types', label: t('approvals.tabs.types'), children: <TypesTab /> },
        ]}
      />
    </PageSection>
  );
}
