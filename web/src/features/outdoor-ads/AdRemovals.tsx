import { useCallback, useEffect } from 'react';
import { Form, Input, InputNumber, Select, Tag, type TableColumnsType } from 'antd';
import { AD_REMOVAL_MODES, AD_TYPES, type AdRemovalMode, type AdType } from '../../../../common/domain/outdoor-ads.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, TownshipSelect } from '../illegal-construction/fields.tsx';
import { oaApi, type AdRemoval } from './oa.api.ts';

interface Filters {
  adType?: AdType;
  mode?: AdRemovalMode;
}

interface Values {
  adType: AdType;
  quantity: number;
  removedOn: string;
  mode: AdRemovalMode;
  regionId?: string | null;
  address: string;
  enforcementCaseId?: string;
  note?: string;
}

function RemovalModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await oaApi.remove({
      ...v,
      regionId: v.regionId ?? null,
      address: v.address.trim(),
      enforcementCaseId: v.enforcementCaseId?.trim() || null,
      note: v.note?.trim() || null,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('outdoorAds.action.createRemoval')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="oa-removal-submit"
    >
      <Form<Values> form={form} layout="vertical" name="oa-removal" onFinish={(v) => void run(v)}>
        <Form.Item name="adType" label={t('outdoorAds.field.adType')} rules={required}>
          <Select options={AD_TYPES.map((a) => ({ value: a, label: t(`outdoorAds.type.${a}`) }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('outdoorAds.field.quantity')} rules={required} initialValue={1}>
          <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <DateItem name="removedOn" label={t('outdoorAds.field.removedOn')} required testId="oa-removal-date" />
        <Form.Item name="mode" label={t('outdoorAds.field.mode')} rules={required} initialValue="voluntary">
          <Select options={AD_REMOVAL_MODES.map((m) => ({ value: m, label: t(`outdoorAds.mode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('outdoorAds.field.township')}>
          <TownshipSelect testId="oa-removal-region" />
        </Form.Item>
        <Form.Item name="address" label={t('outdoorAds.field.address')} rules={[...required, { max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="enforcementCaseId" label={t('outdoorAds.field.enforcementCase')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('outdoorAds.field.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Removals by type, voluntary or enforced, with the enforcement case where there is one. */
export function AdRemovals() {
  const { t } = useI18n();
  const list = useCrudList<AdRemoval, Filters>();
  const canManage = useAuth().can('ads.manage');
  const fetchPage = useCallback<FetchPage<AdRemoval, Filters>>((r, signal) => oaApi.removals(r, signal), []);
  const columns: TableColumnsType<AdRemoval> = [
    { title: t('outdoorAds.field.removedOn'), key: 'removedOn', sorter: true, render: (_, r) => r.removedOn },
    {
      title: t('outdoorAds.field.adType'),
      key: 'adType',
      sorter: true,
      render: (_, r) => t(`outdoorAds.type.${r.adType}`),
    },
    {
      title: t('outdoorAds.field.quantity'),
      key: 'quantity',
      sorter: true,
      align: 'right',
      render: (_, r) => r.quantity,
    },
    {
      title: t('outdoorAds.field.mode'),
      key: 'mode',
      render: (_, r) => <Tag color={r.mode === 'enforced' ? 'red' : 'green'}>{t(`outdoorAds.mode.${r.mode}`)}</Tag>,
    },
    { title: t('outdoorAds.field.township'), key: 'region', render: (_, r) => r.regionName ?? '—' },
    { title: t('outdoorAds.field.address'), key: 'address', render: (_, r) => r.address },
    {
      title: t('outdoorAds.field.enforcementCase'),
      key: 'case',
      responsive: ['lg'],
      render: (_, r) => r.enforcementCaseId ?? '—',
    },
  ];
  return (
    <ListPage<AdRemoval, Filters>
      list={list}
      testId="oa-removals"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'removedOn', order: 'desc' }}
      searchPlaceholder={t('outdoorAds.search.removals')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="adType"
            codes={AD_TYPES}
            label={(c) => t(`outdoorAds.type.${c}`)}
            placeholder={t('outdoorAds.filter.type')}
            width={130}
          />
          <FilterSelect
            list={list}
            name="mode"
            codes={AD_REMOVAL_MODES}
            label={(c) => t(`outdoorAds.mode.${c}`)}
            placeholder={t('outdoorAds.filter.mode')}
            width={130}
            testId="oa-removals-filter-mode"
          />
        </>
      }
      exportPath="/api/exports/ad-removals.xlsx"
      actions={<ExportButton path="/api/exports/ad-removals.csv" query={list.filters} label="CSV" />}
      createLabel={canManage ? t('outdoorAds.action.createRemoval') : undefined}
    >
      <RemovalModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
