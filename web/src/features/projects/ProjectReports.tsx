import { useState } from 'react';
import { Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { DateItem } from '../illegal-construction/fields.tsx';
import { projectsApi, type ProjectDetail } from './projects.api.ts';
import { PhotoThumbs } from '../../components/PhotoThumbs.tsx';

interface Values {
  reportedOn: string;
  subprojectId?: string | null;
  text: string;
  photoIds?: string[];
}

/** Dated progress reports, newest first, with their evidence photos; the building unit files new ones. */
export function ProjectReports({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const canReport = useAuth().can('project.report');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await projectsApi.addReport(project.id, {
      reportedOn: v.reportedOn,
      subprojectId: v.subprojectId ?? null,
      text: v.text.trim(),
      photoIds: v.photoIds ?? [],
    });
    setOpen(false);
    onChanged();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card
      size="small"
      title={t('projects.detail.reports')}
      extra={
        canReport ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setOpen(true);
            }}
            data-testid="project-report-add"
          >
            {t('projects.detail.addReport')}
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={project.reports}
        locale={{ emptyText: t('projects.detail.noReports') }}
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>
                {r.reportedOn}
                {r.subprojectName ? ` · ${r.subprojectName}` : ''}
              </Typography.Text>
              <span>{r.text}</span>
              <PhotoThumbs ids={r.photoIds} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.createdBy} · {formatInstant(r.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <FormModal
        open={open}
        title={t('projects.detail.addReport')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={submitting}
        testId="project-report-submit"
      >
        <Form<Values> form={form} layout="vertical" name="project-report" onFinish={(v) => void run(v)}>
          <DateItem name="reportedOn" label={t('projects.field.reportedOn')} required testId="project-report-date" />
          <Form.Item name="subprojectId" label={t('projects.field.subproject')}>
            <Select allowClear options={project.subprojectList.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Form.Item name="text" label={t('projects.field.text')} rules={[...required, { max: 4000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('projects.field.photos')}>
            <PhotoUpload max={12} testId="project-report-photos" />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
