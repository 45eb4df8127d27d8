import { useState } from 'react';
import { Button, Descriptions, Flex, Progress, Spin, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { wanYuanText } from '../../../../common/domain/projects.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ProjectForm } from './ProjectForm.tsx';
import { ProjectFunds } from './ProjectFunds.tsx';
import { ProjectPlan } from './ProjectPlan.tsx';
import { ProjectReports } from './ProjectReports.tsx';
import { projectsApi } from './projects.api.ts';

/** One project: its facts, funds won, subprojects with milestones and progress, and the progress reports. */
export function ProjectDetailView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useI18n();
  const auth = useAuth();
  const [editing, setEditing] = useState(false);
  const project = useResource((signal) => projectsApi.get(id, signal), [id], { resetOnChange: true });
  const changed = () => {
    project.reload();
    onChanged();
  };
  if (project.error) return <LoadError error={project.error} onRetry={project.reload} />;
  const p = project.data;
  if (!p) return <Spin />;
  return (
    <Flex vertical gap={16} data-testid="project-detail">
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        {auth.can('project.manage') ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('projects.detail.edit')}
          </Button>
        ) : null}
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('projects.field.shortName')}>{p.shortName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('projects.field.unit')}>{p.unitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('projects.cols.period')}>{`${p.startOn} ~ ${p.endOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('projects.field.budgetWan')}>
          {p.budgetFen === null ? '—' : wanYuanText(p.budgetFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('projects.cols.funds')}>{wanYuanText(p.fundsFen)}</Descriptions.Item>
        <Descriptions.Item
          label={t('projects.cols.subprojects')}
        >{`${p.subprojectsDone} / ${p.subprojects}`}</Descriptions.Item>
        <Descriptions.Item label={t('projects.cols.progress')} span={2}>
          <Progress percent={p.progressPct} style={{ maxWidth: 360 }} />
          {p.subprojects > 0 && !p.weightsComplete ? (
            <Typography.Text type="warning">{t('projects.weightsIncomplete')}</Typography.Text>
          ) : null}
        </Descriptions.Item>
        {p.description ? (
          <Descriptions.Item label={t('projects.field.description')} span={2}>
            {p.description}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <ProjectFunds project={p} onChanged={changed} />
      <ProjectPlan project={p} onChanged={changed} />
      <ProjectReports project={p} onChanged={changed} />
      <ProjectForm
        open={editing}
        project={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          changed();
        }}
      />
    </Flex>
  );
}
