import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Tag, type TableColumnsType } from 'antd';
import {
  AD_INSPECTION_RESULTS,
  AD_REMOVAL_MODES,
  AD_STATUSES,
  AD_TYPES,
  type AdInspectionResult,
  type AdRemovalMode,
  type AdStatus,
  type AdType,
} from '../../../../common/domain/outdoor-ads.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, PointItems, TownshipSelect } from '../illegal-construction/fields.tsx';
import { oaApi, RESULT_COLORS, type OutdoorAd } from './oa.api.ts';

interface Filters {
  adType?: AdType;
  status?: AdStatus;
  lastResult?: AdInspectionResult;
  regionId?: string;
}

interface AdValues {
  adType: AdType;
  regionId?: string | null;
  address: string;
  sizeM2: number;
  content?: string;
  ownerName: string;
  ownerPhone?: string;
  permitNo?: string;
  permitFrom?: string;
  permitTo?: string;
  lng: number;
  lat: number;
}

export function ResultTag({ result }: { result: AdInspectionResult | null }) {
  const { t } = useI18n();
  return result ? <Tag color={RESULT_COLORS[result]}>{t(`outdoorAds.result.${result}`)}</Tag> : <>—</>;
}

function AdModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AdValues>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: AdValues) => {
    const text = (s?: string) => (s?.trim() ? s.trim() : null);
    await oaApi.create({
      adType: v.adType,
      regionId: v.regionId ?? null,
      address: v.address.trim(),
      lng: v.lng,
      lat: v.lat,
      sizeM2: v.sizeM2,
      content: text(v.content),
      ownerName: v.ownerName.trim(),
      ownerPhone: text(v.ownerPhone),
      permitNo: text(v.permitNo),
      permitFrom: v.permitFrom || null,
      permitTo: v.permitTo || null,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('outdoorAds.action.create')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="oa-ad-submit"
    >
      <Form<AdValues> form={form} layout="vertical" name="oa-ad" onFinish={(v) => void run(v)}>
        <Form.Item name="adType" label={t('outdoorAds.field.adType')} rules={required}>
          <Select
            data-testid="oa-ad-type"
            options={AD_TYPES.map((a) => ({ value: a, label: t(`outdoorAds.type.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('outdoorAds.field.township')}>
          <TownshipSelect testId="oa-ad-region" />
        </Form.Item>
        <Form.Item name="address" label={t('outdoorAds.field.address')} rules={[...required, { max: 120 }]}>
          <Input data-testid="oa-ad-address" />
        </Form.Item>
        <Form.Item name="content" label={t('outdoorAds.field.content')} rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sizeM2" label={t('outdoorAds.field.sizeM2')} rules={required}>
          <InputNumber min={0.01} max={100_000} precision={2} style={{ width: '100%' }} data-testid="oa-ad-size" />
        </Form.Item>
        <Form.Item name="ownerName" label={t('outdoorAds.field.owner')} rules={[...required, { max: 80 }]}>
          <Input data-testid="oa-ad-owner" />
        </Form.Item>
        <Form.Item
          name="ownerPhone"
          label={t('outdoorAds.field.ownerPhone')}
          rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('validation.pattern') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="permitNo" label={t('outdoorAds.field.permitNo')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <DateItem name="permitFrom" label={t('outdoorAds.field.permitFrom')} testId="oa-ad-permit-from" />
        <DateItem name="permitTo" label={t('outdoorAds.field.permitTo')} testId="oa-ad-permit-to" />
        <PointItems label={t('outdoorAds.field.address')} rules={required} />
      </Form>
    </FormModal>
  );
}

function InspectModal({ ad, onClose, onSaved }: { ad: OutdoorAd | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ inspectedOn: string; result: AdInspectionResult; inspector?: string; note?: string }>();
  useEffect(() => {
    if (ad) form.resetFields();
  }, [ad, form]);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: { inspectedOn: string; result: AdInspectionResult; inspector?: string; note?: string }) => {
      if (!ad) return;
      await oaApi.inspect(ad.id, {
        inspectedOn: v.inspectedOn,
        result: v.result,
        inspector: v.inspector?.trim() || null,
        note: v.note?.trim() || null,
      });
      onSaved();
    },
  );
  return (
    <FormModal
      open={ad !== null}
      title={`${t('outdoorAds.action.inspect')}：${ad?.address ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="oa-inspect-submit"
    >
      <Form form={form} layout="vertical" name="oa-inspect" onFinish={(v) => void run(v)}>
        <DateItem name="inspectedOn" label={t('outdoorAds.field.inspectedOn')} required testId="oa-inspect-date" />
        <Form.Item name="result" label={t('outdoorAds.field.result')} rules={[{ required: true }]} initialValue="pass">
          <Select options={AD_INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`outdoorAds.result.${r}`) }))} />
        </Form.Item>
        <Form.Item name="inspector" label={t('outdoorAds.field.inspector')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('outdoorAds.field.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RemoveModal({ ad, onClose, onSaved }: { ad: OutdoorAd | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ removedOn: string; mode: AdRemovalMode; enforcementCaseId?: string; note?: string }>();
  useEffect(() => {
    if (ad) form.resetFields();
  }, [ad, form]);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: { removedOn: string; mode: AdRemovalMode; enforcementCaseId?: string; note?: string }) => {
      if (!ad) return;
      await oaApi.remove({
        adId: ad.id,
        removedOn: v.removedOn,
        mode: v.mode,
        enforcementCaseId: v.enforcementCaseId?.trim() || null,
        note: v.note?.trim() || null,
      });
      onSaved();
    },
  );
  return (
    <FormModal
      open={ad !== null}
      title={`${t('outdoorAds.action.remove')}：${ad?.address ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      danger
      testId="oa-remove-submit"
    >
      <Form form={form} layout="vertical" name="oa-remove" onFinish={(v) => void run(v)}>
        <DateItem name="removedOn" label={t('outdoorAds.field.removedOn')} required testId="oa-remove-date" />
        <Form.Item name="mode" label={t('outdoorAds.field.mode')} rules={[{ required: true }]} initialValue="voluntary">
          <Select options={AD_REMOVAL_MODES.map((m) => ({ value: m, label: t(`outdoorAds.mode.${m}`) }))} />
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

/** The inventory: type, size, owner (phone masked by the server), permit, the latest safety inspection. */
export function AdInventory() {
  const { t } = useI18n();
  const list = useCrudList<OutdoorAd, Filters>();
  const canManage = useAuth().can('ads.manage');
  const [inspecting, setInspecting] = useState<OutdoorAd | null>(null);
  const [removing, setRemoving] = useState<OutdoorAd | null>(null);
  const fetchPage = useCallback<FetchPage<OutdoorAd, Filters>>((r, signal) => oaApi.ads(r, signal), []);
  const done = (close: () => void) => () => {
    close();
    list.saved();
  };
  const columns: TableColumnsType<OutdoorAd> = [
    {
      title: t('outdoorAds.field.adType'),
      key: 'adType',
      sorter: true,
      render: (_, a) => t(`outdoorAds.type.${a.adType}`),
    },
    {
      title: t('outdoorAds.field.status'),
      key: 'status',
      render: (_, a) => (
        <Tag color={a.status === 'active' ? 'blue' : 'default'}>{t(`outdoorAds.status.${a.status}`)}</Tag>
      ),
    },
    { title: t('outdoorAds.field.township'), key: 'region', render: (_, a) => a.regionName ?? '—' },
    { title: t('outdoorAds.field.address'), key: 'address', render: (_, a) => a.address },
    { title: t('outdoorAds.field.sizeM2'), key: 'size', sorter: true, align: 'right', render: (_, a) => a.sizeM2 },
    { title: t('outdoorAds.field.owner'), key: 'owner', responsive: ['lg'], render: (_, a) => a.ownerName },
    {
      title: t('outdoorAds.field.ownerPhone'),
      key: 'phone',
      responsive: ['xl'],
      render: (_, a) => a.ownerPhone ?? '—',
    },
    { title: t('outdoorAds.field.permitTo'), key: 'permitTo', sorter: true, render: (_, a) => a.permitTo ?? '—' },
    {
      title: t('outdoorAds.field.lastResult'),
      key: 'lastResult',
      render: (_, a) => <ResultTag result={a.lastResult} />,
    },
    {
      title: t('outdoorAds.field.nextInspectionOn'),
      key: 'nextInspectionOn',
      sorter: true,
      render: (_, a) => a.nextInspectionOn ?? '—',
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, a: OutdoorAd) =>
              a.status === 'active' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setInspecting(a)} data-testid={`oa-inspect-${a.id}`}>
                    {t('outdoorAds.action.inspect')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setRemoving(a)}
                    data-testid={`oa-remove-${a.id}`}
                  >
                    {t('outdoorAds.action.remove')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <ListPage<OutdoorAd, Filters>
      list={list}
      testId="oa-ads"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'updatedAt', order: 'desc' }}
      searchPlaceholder={t('outdoorAds.search.ads')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="adType"
            codes={AD_TYPES}
            label={(c) => t(`outdoorAds.type.${c}`)}
            placeholder={t('outdoorAds.filter.type')}
            width={130}
            testId="oa-ads-filter-type"
          />
          <FilterSelect
            list={list}
            name="status"
            codes={AD_STATUSES}
            label={(c) => t(`outdoorAds.status.${c}`)}
            placeholder={t('outdoorAds.filter.status')}
            width={120}
          />
          <FilterSelect
            list={list}
            name="lastResult"
            codes={AD_INSPECTION_RESULTS}
            label={(c) => t(`outdoorAds.result.${c}`)}
            placeholder={t('outdoorAds.filter.result')}
            width={140}
          />
          <TownshipSelect
            placeholder={t('illegalConstruction.filter.township')}
            value={list.filters.regionId}
            onChange={(v) => list.setFilter('regionId', v ?? undefined)}
            testId="oa-ads-filter-region"
          />
        </>
      }
      exportPath="/api/exports/outdoor-ads.xlsx"
      actions={<ExportButton path="/api/exports/outdoor-ads.csv" query={list.filters} label="CSV" />}
      createLabel={canManage ? t('outdoorAds.action.create') : undefined}
    >
      <AdModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
      <InspectModal ad={inspecting} onClose={() => setInspecting(null)} onSaved={done(() => setInspecting(null))} />
      <RemoveModal ad={removing} onClose={() => setRemoving(null)} onSaved={done(() => setRemoving(null))} />
    </ListPage>
  );
}
