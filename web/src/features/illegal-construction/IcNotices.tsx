import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Space, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RemoteSelect, type RemoteOption } from '../../components/RemoteSelect.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem } from './fields.tsx';
import { icApi, type IcStopNotice } from './ic.api.ts';

interface Values {
  reportId: string;
  noticeNo?: string;
  issuedOn: string;
  enforcementCaseId?: string;
  note?: string;
}

/** Pick a site that can still be stopped (reported), searching by address. */
export function ReportPicker(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  status?: 'reported';
  testId: string;
}) {
  const { t } = useI18n();
  const { status } = props;
  const search = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
      const page = await icApi.reports({ q: q || undefined, status, pageSize: 30 }, signal);
      return page.items.map((r) => ({ value: r.id, label: `${r.reportedOn} ${r.address}（${r.regionName ?? ''}）` }));
    },
    [status],
  );
  return (
    <RemoteSelect
      value={props.value}
      onChange={props.onChange}
      search={search}
      placeholder={t('illegalConstruction.pickReport')}
      data-testid={props.testId}
    />
  );
}

function NoticeModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await icApi.createNotice({
      reportId: v.reportId,
      // Empty: the enforcement module issues the notice and draws its 文号.
      ...(v.noticeNo?.trim() ? { noticeNo: v.noticeNo.trim() } : {}),
      issuedOn: v.issuedOn,
      enforcementCaseId: v.enforcementCaseId?.trim() || null,
      note: v.note?.trim() || null,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('illegalConstruction.action.createNotice')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ic-notice-submit"
    >
      <Form<Values> form={form} layout="vertical" name="ic-notice" onFinish={(v) => void run(v)}>
        <Form.Item name="reportId" label={t('illegalConstruction.field.report')} rules={required}>
          <ReportPicker status="reported" testId="ic-notice-report" />
        </Form.Item>
        <DateItem name="issuedOn" label={t('illegalConstruction.field.issuedOn')} required testId="ic-notice-date" />
        <Form.Item
          name="noticeNo"
          label={t('illegalConstruction.field.paperNoticeNo')}
          extra={t('illegalConstruction.field.paperNoticeHelp')}
          rules={[{ max: 40 }]}
        >
          <Input placeholder="大城管停字〔2024〕第1号" data-testid="ic-notice-no" />
        </Form.Item>
        <Form.Item name="enforcementCaseId" label={t('illegalConstruction.field.enforcementCase')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('illegalConstruction.field.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Word and PDF of a notice the enforcement module issued. */
function NoticeFiles({ notice }: { notice: IcStopNotice }) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (!notice.documentId) return <>—</>;
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await icApi.noticeFile(notice.id, format, locale);
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={4} wrap={false}>
      {(['docx', 'pdf'] as const).map((f) => (
        <Button
          key={f}
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === f}
          onClick={() => void get(f)}
          data-testid={`ic-notice-${f}`}
        >
          {f === 'docx' ? 'Word' : 'PDF'}
        </Button>
      ))}
    </Space>
  );
}

/** 停工通知书: issued through the enforcement module (or a paper one recorded); issuing one stops its site. */
export function IcNotices() {
  const { t } = useI18n();
  const list = useCrudList<IcStopNotice, object>();
  const canManage = useAuth().can('construction.manage');
  const fetchPage = useCallback<FetchPage<IcStopNotice, object>>((r, signal) => icApi.notices(r, signal), []);
  const columns: TableColumnsType<IcStopNotice> = [
    {
      title: t('illegalConstruction.field.noticeNo'),
      key: 'noticeNo',
      sorter: true,
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{n.noticeNo}</span>,
    },
    { title: t('illegalConstruction.field.issuedOn'), key: 'issuedOn', sorter: true, render: (_, n) => n.issuedOn },
    { title: t('illegalConstruction.field.township'), key: 'region', render: (_, n) => n.regionName ?? '—' },
    { title: t('illegalConstruction.field.address'), key: 'address', render: (_, n) => n.reportAddress },
    {
      title: t('illegalConstruction.field.enforcementCase'),
      key: 'case',
      render: (_, n) => n.enforcementCaseId ?? '—',
    },
    { title: t('illegalConstruction.field.document'), key: 'files', render: (_, n) => <NoticeFiles notice={n} /> },
    { title: t('illegalConstruction.field.note'), key: 'note', responsive: ['lg'], render: (_, n) => n.note ?? '—' },
  ];
  return (
    <ListPage<IcStopNotice, object>
      list={list}
      testId="ic-notices"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(n) => n.id}
      defaultSort={{ sort: 'issuedOn', order: 'desc' }}
      searchPlaceholder={t('illegalConstruction.search.notices')}
      createLabel={canManage ? t('illegalConstruction.action.createNotice') : undefined}
    >
      <NoticeModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
