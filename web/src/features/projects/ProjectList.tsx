import { useCallback } from 'react';
import { Button, Progress, Tooltip, type TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { wanYuanText } from '../../../../common/domain/projects.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { formatInstant } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ProjectForm } from './ProjectForm.tsx';
import { projectsApi, type ProjectSummary } from './projects.api.ts';

type Filters = Record<string, never>;

/** The projects: search, sort, paging; each row's funds, subprojects done and overall progress. */
export function ProjectList(props: { onOpen: (id: string) => void; onChanged: () => void; reloadKey: number }) {
  const { t } = useI18n();
  const list = useCrudList<ProjectSummary, Filters>({ onChanged: props.onChanged });
  const canManage = useAuth().can('project.manage');
  const fetchPage = useCallback<FetchPage<ProjectSummary, Filters>>(
    (r, signal) => projectsApi.list(r, signal),
    // a change made in the drawer shows here too
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.reloadKey],
  );
  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('projects.cols.name'),
      key: 'name',
      sorter: true,
      render: (_, r) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => props.onOpen(r.id)}
        >
          {r.name}
        </Button>
      ),
    },
    { title: t('projects.cols.unit'), key: 'unit', responsive: ['lg'], render: (_, r) => r.unitName ?? '—' },
    { title: t('projects.cols.period'), key: 'startOn', sorter: true, render: (_, r) => `${r.startOn} ~ ${r.endOn}` },
    { title: t('projects.cols.funds'), key: 'funds', align: 'right', render: (_, r) => wanYuanText(r.fundsFen) },
    {
      title: t('projects.cols.subprojects'),
      key: 'subprojects',
      align: 'right',
      render: (_, r) => `${r.subprojectsDone} / ${r.subprojects}`,
    },
    {
      title: t('projects.cols.progress'),
      key: 'progress',
      width: 200,
      render: (_, r) => (
        <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <Progress percent={r.progressPct} size="small" style={{ flex: 1, margin: 0 }} />
          {r.subprojects > 0 && !r.weightsComplete ? (
            <Tooltip title={t('projects.weightsIncomplete')}>
              <WarningOutlined style={{ color: '#fa8c16' }} />
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      title: t('projects.cols.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['xl'],
      render: (_, r) => formatInstant(r.updatedAt),
    },
  ];
  return (
    <ListPage<ProjectSummary, Filters>
      list={list}
      testId="projects"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'startOn', order: 'desc' }}
      searchPlaceholder={t('projects.list.search')}
      exportPath="/api/exports/projects.xlsx"
      actions={<ExportButton path="/api/exports/projects.csv" query={list.filters} label="CSV" />}
      createLabel={canManage ? t('projects.list.create') : undefined}
      renderCard={(r) => (
        <div onClick={() => props.onOpen(r.id)} role="button" tabIndex={0}>
          <strong>{r.name}</strong>
          <div>
            {r.startOn} ~ {r.endOn} · {wanYuanText(r.fundsFen)}
          </div>
          <Progress percent={r.progressPct} size="small" />
        </div>
      )}
    >
      <ProjectForm
        open={list.target === 'new'}
        project={null}
        onClose={list.close}
        onSaved={(p) => {
          list.saved();
          props.onOpen(p.id);
        }}
      />
    </ListPage>
  );
}
