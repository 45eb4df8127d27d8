import { useState } from 'react';
import { Drawer, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ProjectDetailView } from './ProjectDetailView.tsx';
import { ProjectFiguresCards } from './ProjectFiguresCards.tsx';
import { ProjectList } from './ProjectList.tsx';
import { ProjectsMap } from './ProjectsMap.tsx';

/**
 * 项目与资金 (docs/projects.md): the year's figures, the projects and their map; a project opens beside the list.
 * `?open=<id>` opens a project and `?tab=map` the map, so another page can link straight to them.
 */
export function ProjectsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(params.get('open'));
  const [changes, setChanges] = useState(0);
  return (
    <PageSection title={t('projects.title')} testId="page-projects">
      <ProjectFiguresCards reloadKey={changes} />
      <Tabs
        destroyOnHidden
        defaultActiveKey={params.get('tab') === 'map' ? 'map' : 'list'}
        items={[
          {
            key: 'list',
            label: t('projects.tabs.list'),
            children: <ProjectList onOpen={setOpenId} reloadKey={changes} onChanged={() => setChanges((c) => c + 1)} />,
          },
          { key: 'map', label: t('projects.tabs.map'), children: <ProjectsMap onOpen={setOpenId} /> },
        ]}
      />
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        width="min(1000px, 100vw)"
        destroyOnHidden
        title={t('projects.title')}
      >
        {openId ? <ProjectDetailView id={openId} onChanged={() => setChanges((c) => c + 1)} /> : null}
      </Drawer>
    </PageSection>
  );
}
