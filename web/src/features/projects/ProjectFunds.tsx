import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FUND_SOURCES, wanYuanText, yuanToFen, type FundSource } from '../../../../common/domain/projects.ts';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { yuanRule } from './ProjectForm.tsx';
import { projectsApi, type ProjectDetail } from './projects.api.ts';

interface Values {
  source: FundSource;
  /** yuan as typed; sent as fen */
  amountFen: string;
  wonOn: string;
  documentNo?: string;
  note?: string;
}

/** The funds won for a project by source, in 万元, with their total; managers record and delete entries. */
export function ProjectFunds({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('project.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await projectsApi.addFund(project.id, {
      source: v.source,
      amountFen: yuanToFen(v.amountFen) ?? 0,
      wonOn: v.wonOn,
      documentNo: v.documentNo?.trim() || null,
      note: v.note?.trim() || null,
    });
    setOpen(false);
    onChanged();
  });
  const remove = async (fundId: string) => {
    try {
      await projectsApi.removeFund(project.id, fundId);
      onChanged();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card
      size="small"
      title={t('projects.detail.funds')}
      extra={
        canManage ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="project-fund-add">
            {t('projects.detail.addFund')}
          </Button>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.funds}
        locale={{ emptyText: t('projects.detail.noFunds') }}
        columns={[
          { title: t('projects.field.source'), key: 'source', render: (_, f) => t(`projects.source.${f.source}`) },
          { title: t('projects.field.wonOn'), key: 'wonOn', render: (_, f) => f.wonOn },
          {
            title: t('projects.cols.funds'),
            key: 'amount',
            align: 'right',
            render: (_, f) => wanYuanText(f.amountFen),
          },
          {
            title: t('projects.field.documentNo'),
            key: 'doc',
            responsive: ['md'],
            render: (_, f) => f.documentNo ?? '—',
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, f: { id: string }) => (
                    <Popconfirm title={t('projects.detail.removeConfirm')} onConfirm={() => void remove(f.id)}>
                      <Button size="small" type="link" danger>
                        {t('projects.detail.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
        summary={() =>
          project.funds.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('projects.detail.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {wanYuanText(project.fundsFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <FormModal
        open={open}
        title={t('projects.detail.addFund')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={submitting}
        testId="project-fund-submit"
      >
        <Form<Values> form={form} layout="vertical" name="project-fund" onFinish={(v) => void run(v)}>
          <Form.Item name="source" label={t('projects.field.source')} rules={required}>
            <Select options={FUND_SOURCES.map((s) => ({ value: s, label: t(`projects.source.${s}`) }))} />
          </Form.Item>
          <Form.Item
            name="amountFen"
            label={t('projects.field.amount')}
            rules={[...required, yuanRule(t('projects.yuanInvalid'))]}
          >
            <Input inputMode="decimal" data-testid="project-fund-amount" />
          </Form.Item>
          <DateItem name="wonOn" label={t('projects.field.wonOn')} required testId="project-fund-date" />
          <Form.Item name="documentNo" label={t('projects.field.documentNo')} rules={[{ max: 80 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('projects.field.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
