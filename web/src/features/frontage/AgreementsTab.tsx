import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Tag, type TableColumnsType } from 'antd';
import { AGREEMENT_STATUSES, SCORE_MAX, SCORE_MIN, type AgreementStatus } from '../../../../common/domain/frontage.ts';
import { errorText } from '../../api/errors.ts';
import { downloadFile } from '../../components/download.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, TownshipSelect } from '../illegal-construction/fields.tsx';
import { AgreementModal } from './AgreementForm.tsx';
import { frApi, type Agreement } from './fr.api.ts';

interface Filters {
  status?: AgreementStatus;
  regionId?: string;
}

interface InspectValues {
  inspectedOn: string;
  score: number;
  findings?: string;
  rectifyBy?: string;
}

function InspectModal({
  target,
  onClose,
  onSaved,
}: {
  target: Agreement | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<InspectValues>();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const { submitting, run } = useFormSubmit(form, async (v: InspectValues) => {
    if (!target) return;
    await frApi.inspect({
      agreementId: target.id,
      inspectedOn: v.inspectedOn,
      score: v.score,
      findings: v.findings?.trim() || null,
      rectifyBy: v.rectifyBy || null,
    });
    onSaved();
  });
  return (
    <FormModal
      open={target !== null}
      title={`${t('frontage.action.inspect')}：${target?.shopName ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-inspect-submit"
    >
      <Form form={form} layout="vertical" name="fr-inspect" onFinish={(v) => void run(v)}>
        <DateItem name="inspectedOn" label={t('frontage.field.inspectedOn')} required testId="fr-inspect-date" />
        <Form.Item
          name="score"
          label={`${t('frontage.field.score')}（${SCORE_MIN}–${SCORE_MAX}）`}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={SCORE_MIN} max={SCORE_MAX} precision={0} data-testid="fr-inspect-score" />
        </Form.Item>
        <Form.Item name="findings" label={t('frontage.field.findings')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <DateItem name="rectifyBy" label={t('frontage.field.rectifyBy')} testId="fr-inspect-rectify" />
      </Form>
    </FormModal>
  );
}

function TerminateModal({
  target,
  onClose,
  onSaved,
}: {
  target: Agreement | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const { submitting, run } = useFormSubmit(form, async (v: { reason: string }) => {
    if (!target) return;
    await frApi.terminate(target.id, v.reason.trim());
    onSaved();
  });
  return (
    <FormModal
      open={target !== null}
      title={`${t('frontage.action.terminate')}：${target?.shopName ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      danger
      testId="fr-terminate-submit"
    >
      <Form form={form} layout="vertical" name="fr-terminate" onFinish={(v) => void run(v)}>
        <Form.Item
          name="reason"
          label={t('frontage.field.reason')}
          rules={[{ required: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The agreements: shop, street or township, period, the latest score; sign, inspect, print, terminate. */
export function AgreementsTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useCrudList<Agreement, Filters>();
  const canManage = useAuth().can('frontage.manage');
  const [inspecting, setInspecting] = useState<Agreement | null>(null);
  const [ending, setEnding] = useState<Agreement | null>(null);
  const fetchPage = useCallback<FetchPage<Agreement, Filters>>((r, signal) => frApi.agreements(r, signal), []);
  const done = (close: () => void) => () => {
    close();
    list.saved();
  };
  const docx = (a: Agreement) =>
    downloadFile(
      `/api/frontage/agreements/${encodeURIComponent(a.id)}/docx`,
      {},
      locale,
      `${a.agreementNo}.docx`,
    ).catch((e: unknown) => void message.error(errorText(e, locale)));
  const columns: TableColumnsType<Agreement> = [
    { title: t('frontage.field.agreementNo'), key: 'agreementNo', sorter: true, render: (_, a) => a.agreementNo },
    { title: t('frontage.field.shopName'), key: 'shopName', sorter: true, render: (_, a) => a.shopName },
    { title: t('frontage.field.region'), key: 'region', render: (_, a) => a.regionName ?? '—' },
    { title: t('frontage.field.address'), key: 'address', responsive: ['lg'], render: (_, a) => a.address },
    { title: t('frontage.field.operatorName'), key: 'operator', responsive: ['xl'], render: (_, a) => a.operatorName },
    {
      title: t('frontage.field.operatorPhone'),
      key: 'phone',
      responsive: ['xl'],
      render: (_, a) => a.operatorPhone ?? '—',
    },
    {
      title: t('frontage.field.areaM2'),
      key: 'areaM2',
      align: 'right',
      responsive: ['lg'],
      render: (_, a) => (a.areaM2 === null ? '—' : a.areaM2),
    },
    { title: t('frontage.field.signedOn'), key: 'signedOn', sorter: true, render: (_, a) => a.signedOn },
    { title: t('frontage.field.periodTo'), key: 'periodTo', sorter: true, render: (_, a) => a.periodTo },
    {
      title: t('frontage.field.status'),
      key: 'status',
      render: (_, a) => (
        <Tag color={a.status === 'active' ? 'blue' : 'default'}>{t(`frontage.agreementStatus.${a.status}`)}</Tag>
      ),
    },
    {
      title: t('frontage.field.lastScore'),
      key: 'lastScore',
      align: 'right',
      render: (_, a) => (a.lastScore === null ? '—' : `${a.lastScore}（${a.lastInspectedOn}）`),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void docx(a)} data-testid={`fr-docx-${a.id}`}>
            {t('frontage.action.docx')}
          </Button>
          {canManage && a.status === 'active' ? (
            <>
              <Button type="link" size="small" onClick={() => setInspecting(a)} data-testid={`fr-inspect-${a.id}`}>
                {t('frontage.action.inspect')}
              </Button>
              <Button type="link" size="small" danger onClick={() => setEnding(a)}>
                {t('frontage.action.terminate')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <ListPage<Agreement, Filters>
      list={list}
      testId="fr-agreements"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'signedOn', order: 'desc' }}
      searchPlaceholder={t('frontage.search.agreements')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="status"
            codes={AGREEMENT_STATUSES}
            label={(c) => t(`frontage.agreementStatus.${c}`)}
            placeholder={t('frontage.filter.status')}
            width={120}
          />
          <TownshipSelect
            placeholder={t('frontage.filter.region')}
            value={list.filters.regionId}
            onChange={(v) => list.setFilter('regionId', v ?? undefined)}
            allowClear
            testId="fr-agreements-filter-region"
          />
        </>
      }
      exportPath="/api/exports/frontage-agreements.xlsx"
      actions={
        <ExportButton
          path="/api/exports/frontage-agreements.csv"
          query={list.filters}
          label="CSV"
          testId="fr-agreements-csv"
        />
      }
      createLabel={canManage ? t('frontage.action.create') : undefined}
    >
      <AgreementModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
      <InspectModal target={inspecting} onClose={() => setInspecting(null)} onSaved={done(() => setInspecting(null))} />
      <TerminateModal target={ending} onClose={() => setEnding(null)} onSaved={done(() => setEnding(null))} />
    </ListPage>
  );
}
