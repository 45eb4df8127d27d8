import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Milestone, Subproject } from '../../../../common/contracts/projects.ts';
import { weightText } from '../../../../common/domain/projects.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { projectsApi, type ProjectDetail } from './projects.api.ts';

/** Which form is open: a new subproject, a new milestone of a subproject, or a milestone's progress. */
type Target =
  | { kind: 'subproject' }
  | { kind: 'milestone'; sub: Subproject }
  | { kind: 'progress'; sub: Subproject; milestone: Milestone }
  | null;

interface Values {
  name?: string;
  /** percent as typed (two decimals); sent as basis points */
  weightBp?: number;
  location?: string;
  plannedOn?: string;
  progressPct?: number;
  completedOn?: string | null;
}

const bp = (percent: number | undefined) => Math.round((percent ?? 0) * 100);

/** The subprojects with their weights and progress, each opening to its milestones; forms to plan and report. */
export function ProjectPlan({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const auth = useAuth();
  const canManage = auth.can('project.manage');
  const canReport = auth.can('project.report');
  const [target, setTarget] = useState<Target>(null);
  const [form] = Form.useForm<Values>();
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    if (!target) return;
    if (target.kind === 'subproject')
      await projectsApi.addSubproject(project.id, {
        name: v.name?.trim() ?? '',
        weightBp: bp(v.weightBp),
        location: v.location?.trim() || null,
      });
    else if (target.kind === 'milestone')
      await projectsApi.addMilestone(project.id, target.sub.id, {
        name: v.name?.trim() ?? '',
        weightBp: bp(v.weightBp),
        plannedOn: v.plannedOn ?? '',
        progressPct: v.progressPct ?? 0,
        completedOn: v.completedOn ?? null,
      });
    else
      await projectsApi.milestoneProgress(project.id, target.sub.id, target.milestone.id, {
        progressPct: v.progressPct ?? 0,
        completedOn: v.completedOn ?? null,
      });
    setTarget(null);
    onChanged();
  });
  const openForm = (next: Target) => {
    form.resetFields();
    if (next?.kind === 'progress')
      form.setFieldsValue({ progressPct: next.milestone.progressPct, completedOn: next.milestone.completedOn });
    setTarget(next);
  };
  const required = [{ required: true, message: t('validation.required') }];
  const milestoneTable = (sub: Subproject) => (
    <Table<Milestone>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={sub.milestones}
      locale={{ emptyText: t('projects.detail.noMilestones') }}
      columns={[
        { title: t('projects.field.milestoneName'), key: 'name', render: (_, m) => m.name },
        { title: t('projects.field.weight'), key: 'weight', align: 'right', render: (_, m) => weightText(m.weightBp) },
        { title: t('projects.field.plannedOn'), key: 'plannedOn', render: (_, m) => m.plannedOn },
        {
          title: t('projects.field.progressPct'),
          key: 'progress',
          render: (_, m) => <Progress percent={m.progressPct} size="small" style={{ minWidth: 100 }} />,
        },
        { title: t('projects.field.completedOn'), key: 'completedOn', render: (_, m) => m.completedOn ?? '—' },
        ...(canReport
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, m: Milestone) => (
                  <Button size="small" type="link" onClick={() => openForm({ kind: 'progress', sub, milestone: m })}>
                    {t('projects.detail.editMilestone')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
  return (
    <Card
      size="small"
      title={t('projects.detail.subprojects')}
      extra={
        canManage ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => openForm({ kind: 'subproject' })}
            data-testid="project-sub-add"
          >
            {t('projects.detail.addSub')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('projects.detail.weightRule')}
      </Typography.Paragraph>
      <Table<Subproject>
        size="small"
        rowKey="id"
        dataSource={project.subprojectList}
        pagination={project.subprojectList.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('projects.detail.noSubs') }}
        expandable={{ expandedRowRender: milestoneTable }}
        columns={[
          { title: t('projects.field.subName'), key: 'name', render: (_, s) => s.name },
          {
            title: t('projects.field.location'),
            key: 'location',
            responsive: ['lg'],
            render: (_, s) => s.location ?? '—',
          },
          {
            title: t('projects.field.weight'),
            key: 'weight',
            align: 'right',
            render: (_, s) => weightText(s.weightBp),
          },
          {
            title: t('projects.cols.progress'),
            key: 'progress',
            render: (_, s) => (
              <Space size={4}>
                <Progress percent={s.progressPct} size="small" style={{ width: 120, margin: 0 }} />
                {s.done ? <Tag color="green">{t('projects.detail.done')}</Tag> : null}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s: Subproject) => (
                    <Button size="small" type="link" onClick={() => openForm({ kind: 'milestone', sub: s })}>
                      {t('projects.detail.addMilestone')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={target !== null}
        title={
          target?.kind === 'subproject'
            ? t('projects.detail.addSub')
            : target?.kind === 'milestone'
              ? `${t('projects.detail.addMilestone')} · ${target.sub.name}`
              : target
                ? `${t('projects.detail.editMilestone')} · ${target.milestone.name}`
                : ''
        }
        onSave={() => form.submit()}
        onClose={() => setTarget(null)}
        submitting={submitting}
        testId="project-plan-submit"
      >
        <Form<Values> form={form} layout="vertical" name="project-plan" onFinish={(v) => void run(v)}>
          {target?.kind !== 'progress' ? (
            <>
              <Form.Item
                name="name"
                label={target?.kind === 'milestone' ? t('projects.field.milestoneName') : t('projects.field.subName')}
                rules={[...required, { max: 120 }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="weightBp" label={t('projects.field.weight')} rules={required}>
                <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          {target?.kind === 'subproject' ? (
            <Form.Item name="location" label={t('projects.field.location')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          ) : null}
          {target?.kind === 'milestone' ? (
            <DateItem
              name="plannedOn"
              label={t('projects.field.plannedOn')}
              required
              testId="project-milestone-planned"
            />
          ) : null}
          {target?.kind === 'milestone' || target?.kind === 'progress' ? (
            <>
              <Form.Item name="progressPct" label={t('projects.field.progressPct')} initialValue={0}>
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="project-milestone-progress"
                />
              </Form.Item>
              <DateItem
                name="completedOn"
                label={t('projects.field.completedOn')}
                testId="project-milestone-completed"
              />
            </>
          ) : null}
        </Form>
      </FormModal>
    </Card>
  );
}
