import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { AlertOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  DEFAULT_REPLY_LIMITS,
  SUPERVISION_LEVELS,
  type SupervisionLevel,
} from '../../../../common/domain/supervision.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { downloadFile } from '../../components/download.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitPicker } from '../cases/CaseSelects.tsx';
import { LEVEL_COLORS, STATUS_COLORS, statusOf } from './labels.ts';
import { SupervisionDrawer } from './SupervisionDrawer.tsx';
import { supervisionApi } from './supervision.api.ts';

interface IssueForm {
  level: SupervisionLevel;
  targetUnitId?: string;
  reason: string;
}

/**
 * On the case page: the 案卷 PDF for whoever reads the case, the case's 督办单 for those who read them, and 督办
 * (issuing a 督办单) for those who may. `onIssued` reloads the case (its timeline gains the 督办 row).
 */
export function CaseSupervisionCard({ caseId, onIssued }: { caseId: string; onIssued?: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const permissions = useAuth().me?.permissions ?? [];
  const canRead = permissions.includes('supervision.read');
  const canIssue = permissions.includes('case.escalate');
  const [issuing, setIssuing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const [form] = Form.useForm<IssueForm>();
  const { data, reload } = useResource(
    canRead ? (signal) => supervisionApi.list({ caseId, pageSize: 50, sort: 'issuedAt', order: 'asc' }, signal) : null,
    [caseId, canRead],
  );

  const issue = async (v: IssueForm) => {
    setBusy(true);
    try {
      const o = await supervisionApi.issue({
        caseId,
        level: v.level,
        reason: v.reason,
        ...(v.targetUnitId ? { targetUnitId: v.targetUnitId } : {}),
      });
      void message.success(t('supervision.issue.done', { no: o.orderNo }));
      setIssuing(false);
      form.resetFields();
      reload();
      onIssued?.();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('supervision.title')}
      data-testid="case-supervision"
      extra={
        <Space>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            onClick={() => void downloadFile(`/api/cases/${caseId}/dossier.pdf`, {}, locale, 'dossier.pdf')}
            data-testid="case-dossier-pdf"
          >
            {t('supervision.dossier')}
          </Button>
          {canIssue ? (
            <Button
              size="small"
              danger
              icon={<AlertOutlined />}
              onClick={() => setIssuing(true)}
              data-testid="case-supervision-issue"
            >
              {t('supervision.issue.button')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {canRead ? (
        <List
          size="small"
          locale={{ emptyText: '—' }}
          dataSource={data?.items ?? []}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Typography.Link onClick={() => setOpened(o.id)} data-testid={`case-supervision-${o.orderNo}`}>
                  {o.orderNo}
                </Typography.Link>
                <Tag color={LEVEL_COLORS[o.level]}>{t(`supervision.level.${o.level}` as MessageKey)}</Tag>
                <Tag color={STATUS_COLORS[statusOf(o)]}>{t(`supervision.status.${statusOf(o)}` as MessageKey)}</Tag>
                <span>{o.targetUnitName}</span>
                <Typography.Text type="secondary">{formatInstant(o.dueAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      <SupervisionDrawer id={opened} onClose={() => setOpened(null)} onChanged={() => reload()} />
      <Modal
        open={issuing}
        title={t('supervision.issue.title')}
        onCancel={() => setIssuing(false)}
        onOk={() => form.submit()}
        okText={t('supervision.issue.submit')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form<IssueForm>
          form={form}
          layout="vertical"
          initialValues={{ level: 'general' }}
          onFinish={(v) => void issue(v)}
          data-testid="supervision-issue-form"
        >
          <Form.Item name="level" label={t('supervision.issue.level')} extra={t('supervision.issue.limits')}>
            <Select
              options={SUPERVISION_LEVELS.map((l) => ({
                value: l,
                label: `${t(`supervision.level.${l}` as MessageKey)}（${DEFAULT_REPLY_LIMITS[l].value}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="targetUnitId"
            label={t('supervision.issue.target')}
            extra={t('supervision.issue.targetHint')}
          >
            <UnitPicker allowClear />
          </Form.Item>
          <Form.Item name="reason" label={t('supervision.issue.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
