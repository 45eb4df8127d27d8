import { useEffect } from 'react';
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { yuanToFen } from '../../../../common/domain/projects.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { projectsApi, type ProjectDetail, type ProjectSummary } from './projects.api.ts';

interface Values {
  name: string;
  shortName?: string;
  unitId?: string | null;
  startOn: string;
  endOn: string;
  /** yuan as typed; sent as fen */
  budgetFen?: string;
  lng?: number | null;
  lat?: number | null;
  description?: string;
}

/** Yuan text → fen, or null for empty: the form holds the text so nothing passes through floating point. */
export const yuanRule = (message: string) => ({
  validator: (_: unknown, v: string | undefined) =>
    !v || yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

const yuanOf = (fen: number | null) =>
  fen === null ? undefined : `${Math.floor(fen / 100)}${fen % 100 ? `.${String(fen % 100).padStart(2, '0')}` : ''}`;

/** Create a project, or edit one (`project` given). Server messages land on their fields. */
export function ProjectForm(props: {
  open: boolean;
  project: ProjectSummary | null;
  onClose: () => void;
  onSaved: (p: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { project, open } = props;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project)
      form.setFieldsValue({
        name: project.name,
        shortName: project.shortName ?? undefined,
        unitId: project.unitId,
        startOn: project.startOn,
        endOn: project.endOn,
        budgetFen: yuanOf(project.budgetFen),
        lng: project.lng,
        lat: project.lat,
      });
  }, [open, project, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const body = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      unitId: v.unitId ?? null,
      startOn: v.startOn,
      endOn: v.endOn,
      budgetFen: v.budgetFen ? yuanToFen(v.budgetFen) : null,
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      ...(v.description !== undefined ? { description: v.description.trim() || null } : {}),
    };
    props.onSaved(project ? await projectsApi.update(project.id, body) : await projectsApi.create(body));
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={project ? t('projects.detail.edit') : t('projects.list.create')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="project-submit"
    >
      <Form<Values> form={form} layout="vertical" name="project" onFinish={(v) => void run(v)}>
        <Form.Item name="name" label={t('projects.field.name')} rules={[...required, { max: 120 }]}>
          <Input data-testid="project-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('projects.field.shortName')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('projects.field.unit')}>
          <UnitSelect allowClear />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <DateItem name="startOn" label={t('projects.field.startOn')} required testId="project-start" />
          </Col>
          <Col span={12}>
            <DateItem name="endOn" label={t('projects.field.endOn')} required testId="project-end" />
          </Col>
        </Row>
        <Form.Item name="budgetFen" label={t('projects.field.budget')} rules={[yuanRule(t('projects.yuanInvalid'))]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lng" label={t('projects.field.lng')}>
              <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label={t('projects.field.lat')}>
              <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {project ? null : (
          <Form.Item name="description" label={t('projects.field.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
