import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { MessagesTab } from './MessagesTab.tsx';
import { PeersTab } from './PeersTab.tsx';
import { ReportUpTab } from './ReportUpTab.tsx';
import { TransfersTab } from './TransfersTab.tsx';

/** 跨区域协作 (docs/federation.md): the inbox to decide on, the outbox, case transfers, and peers with the keys. */
export function FederationPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  // ?tab=outbox|transfers|peers opens a tab directly (links from elsewhere, printed instructions)
  const [params] = useSearchParams();
  return (
    <PageSection title={t('federation.title')} testId="page-federation">
      <Tabs
        destroyOnHidden
        defaultActiveKey={params.get('tab') ?? 'inbox'}
        items={[
          { key: 'inbox', label: t('federation.tabs.inbox'), children: <MessagesTab direction="in" /> },
          { key: 'outbox', label: t('federation.tabs.outbox'), children: <MessagesTab direction="out" /> },
          { key: 'transfers', label: t('federation.tabs.transfers'), children: <TransfersTab /> },
          ...(can('federation.read')
            ? [{ key: 'peers', label: t('federation.tabs.peers'), children: <PeersTab /> }]
            : []),
          ...(can('federation.read')
            ? [{ key: 'reportUp', label: t('federation.tabs.reportUp'), children: <ReportUpTab /> }]
            : []),
        ]}
      />
    </PageSection>
  );
}
