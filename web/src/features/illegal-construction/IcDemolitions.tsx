import { useCallback, useEffect } from 'react';
import { Form, Input, InputNumber, Select, Tag, type TableColumnsType } from 'antd';
import {
  IC_LEADS,
  IC_STRUCTURES,
  type IcLead,
  type IcStructure,
} from '../../../../common/domain/illegal-construction.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, PointItems, TownshipSelect } from './fields.tsx';
import { icApi, type IcDemolition } from './ic.api.ts';

interface Filters {
  lead?: IcLead;
  structure?: IcStructure;
  regionId?: string;
}

interface Values {
  demolishedOn: string;
  regionId: string;
  address: string;
  areaM2: number;
  structure: IcStructure;
  lead: IcLead;
  units: string;
  people: number;
  note?: string;
  lng: number;
  lat: number;
}

function DemolitionModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    await icApi.createDemolition({
      ...v,
      address: v.address.trim(),
      units: v.units.trim(),
      note: v.note?.trim() || null,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('illegalConstruction.action.createDemolition')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ic-demolition-submit"
    >
      <Form<Values> form={form} layout="vertical" name="ic-demolition" onFinish={(v) => void run(v)}>
        <DateItem
          name="demolishedOn"
          label={t('illegalConstruction.field.demolishedOn')}
          required
          testId="ic-demolition-date"
        />
        <Form.Item name="regionId" label={t('illegalConstruction.field.township')} rules={required}>
          <TownshipSelect testId="ic-demolition-region" />
        </Form.Item>
        <Form.Item name="address" label={t('illegalConstruction.field.address')} rules={[...required, { max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="areaM2" label={t('illegalConstruction.field.areaM2')} rules={required}>
          <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="structure" label={t('illegalConstruction.field.structure')} rules={required}>
          <Select options={IC_STRUCTURES.map((s) => ({ value: s, label: t(`illegalConstruction.structure.${s}`) }))} />
        </Form.Item>
        <Form.Item name="lead" label={t('illegalConstruction.field.lead')} rules={required} initialValue="bureau">
          <Select options={IC_LEADS.map((l) => ({ value: l, label: t(`illegalConstruction.lead.${l}`) }))} />
        </Form.Item>
        <Form.Item name="units" label={t('illegalConstruction.field.units')} rules={[...required, { max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="people" label={t('illegalConstruction.field.people')} rules={required}>
          <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('illegalConstruction.field.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <PointItems label={t('illegalConstruction.field.address')} rules={required} />
      </Form>
    </FormModal>
  );
}

/** 拆违行动: date, place, area, structure, participants; the bureau's own and those assisting townships apart. */
export function IcDemolitions() {
  const { t } = useI18n();
  const list = useCrudList<IcDemolition, Filters>();
  const canManage = useAuth().can('construction.manage');
  const fetchPage = useCallback<FetchPage<IcDemolition, Filters>>((r, signal) => icApi.demolitions(r, signal), []);
  const columns: TableColumnsType<IcDemolition> = [
    {
      title: t('illegalConstruction.field.demolishedOn'),
      key: 'demolishedOn',
      sorter: true,
      render: (_, d) => d.demolishedOn,
    },
    { title: t('illegalConstruction.field.township'), key: 'region', render: (_, d) => d.regionName ?? '—' },
    { title: t('illegalConstruction.field.address'), key: 'address', render: (_, d) => d.address },
    {
      title: t('illegalConstruction.field.areaM2'),
      key: 'area',
      sorter: true,
      align: 'right',
      render: (_, d) => d.areaM2,
    },
    {
      title: t('illegalConstruction.field.structure'),
      key: 'structure',
      render: (_, d) => t(`illegalConstruction.structure.${d.structure}`),
    },
    {
      title: t('illegalConstruction.field.lead'),
      key: 'lead',
      render: (_, d) => (
        <Tag color={d.lead === 'bureau' ? 'blue' : 'purple'}>{t(`illegalConstruction.lead.${d.lead}`)}</Tag>
      ),
    },
    { title: t('illegalConstruction.field.units'), key: 'units', responsive: ['xl'], render: (_, d) => d.units },
    {
      title: t('illegalConstruction.field.people'),
      key: 'people',
      sorter: true,
      align: 'right',
      render: (_, d) => d.people,
    },
  ];
  return (
    <ListPage<IcDemolition, Filters>
      list={list}
      testId="ic-demolitions"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(d) => d.id}
      defaultSort={{ sort: 'demolishedOn', order: 'desc' }}
      searchPlaceholder={t('illegalConstruction.search.demolitions')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="lead"
            codes={IC_LEADS}
            label={(c) => t(`illegalConstruction.lead.${c}`)}
            placeholder={t('illegalConstruction.filter.lead')}
            width={160}
            testId="ic-demolitions-filter-lead"
          />
          <TownshipSelect
            placeholder={t('illegalConstruction.filter.township')}
            value={list.filters.regionId}
            onChange={(regionId) => list.setFilter('regionId', regionId ?? undefined)}
            testId="ic-demolitions-filter-region"
          />
        </>
      }
      exportPath="/api/exports/demolitions.xlsx"
      actions={<ExportButton path="/api/exports/demolitions.csv" query={list.filters} label="CSV" />}
      createLabel={canManage ? t('illegalConstruction.action.createDemolition') : undefined}
    >
      <DemolitionModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
