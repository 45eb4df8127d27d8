import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Switch, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { InspectionPlanCreate } from '../../../../common/contracts/inspections.ts';
import { SCHEDULE_KINDS, type ChecklistItem } from '../../../../common/domain/inspections.ts';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { formatInstant } from '../../components/format.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useI18n } from '../../i18n/context.ts';
import { assetsApi, type AssetType } from '../assets/assets.api.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { inspectionsApi, type InspectionPlan } from './inspections.api.ts';
import { NEW_ITEM, ChecklistRows, ScheduleFields, type PlanValues } from './PlanFields.tsx';
import { PlanInspectorSelect } from './PlanInspectorSelect.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';

/** The body the server takes: only the schedule field the kind uses, and no empty optional texts. */
export function planBody(v: PlanValues): InspectionPlanCreate {
  const s = v.schedule ?? {};
  const schedule =
    v.scheduleKind === 'weekly'
      ? { weekday: s.weekday }
      : v.scheduleKind === 'monthly' || v.scheduleKind === 'seasonal'
        ? { day: s.day }
        : v.scheduleKind === 'flood'
          ? { dates: s.dates ?? [] }
          : {};
  return {
    name: v.name.trim(),
    typeId: v.typeId,
    scheduleKind: v.scheduleKind,
    schedule: JSON.parse(JSON.stringify(schedule)) as InspectionPlanCreate['schedule'],
    unitId: v.unitId ?? null,
    inspectorId: v.inspectorId ?? null,
    active: v.active,
    checklist: (v.checklist ?? []).map((i) =>
      Object.fromEntries(
        Object.entries(i).filter(([, value]) => value !== undefined && value !== null && value !== ''),
      ),
    ) as unknown as ChecklistItem[],
  };
}

/** 巡检计划: search, sort and page the plans; a manager adds one with its checklist and schedule. */
export function PlanList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const manage = useAuth().can('assets.manage');
  const list = useCrudList<InspectionPlan, object>();
  const [types, setTypes] = useState<AssetType[]>([]);
  const [form] = Form.useForm<PlanValues>();
  useEffect(() => {
    const c = new AbortController();
    assetsApi.types(undefined, c.signal).then(
      (r) => setTypes(r.items),
      () => undefined,
    );
    return () => c.abort();
  }, []);
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const fetchPage = useCallback<FetchPage<InspectionPlan, object>>((r, signal) => inspectionsApi.plans(r, signal), []);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: PlanValues) => {
      await inspectionsApi.createPlan(planBody(v));
      list.saved();
    },
    { detailTexts: true },
  );
  const generate = async () => {
    try {
      const r = await inspectionsApi.generate(
        dayjs().format('YYYY-MM-DD'),
        dayjs().add(13, 'day').format('YYYY-MM-DD'),
      );
      void message.success(t('inspections.generated', { count: r.added }));
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const columns: TableColumnsType<InspectionPlan> = [
    { title: t('inspections.col.name'), key: 'name', sorter: true, render: (_, p) => p.name },
    {
      title: t('inspections.col.type'),
      key: 'type',
      render: (_, p) => (locale === 'en' ? p.typeNameEn : p.typeNameZh),
    },
    {
      title: t('inspections.col.schedule'),
      key: 'scheduleKind',
      sorter: true,
      render: (_, p) =>
        [
          t(`inspections.schedule.${p.scheduleKind}`),
          p.schedule.weekday ? t(`inspections.weekdays.${p.schedule.weekday as 1}`) : '',
          p.schedule.day ? String(p.schedule.day) : '',
          p.schedule.dates?.join(locale === 'en' ? ', ' : '、') ?? '',
        ]
          .filter(Boolean)
          .join(' '),
    },
    {
      title: t('inspections.col.items'),
      key: 'items',
      render: (_, p) => (
        <Space wrap size={4}>
          {p.checklist.map((i) => (
            <Tag key={i.key} color={i.onFail === 'none' ? undefined : i.onFail === 'case' ? 'orange' : 'blue'}>
              {locale === 'en' && i.labelEn ? i.labelEn : i.label}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('inspections.col.unit'),
      key: 'unit',
      responsive: ['lg'],
      render: (_, p) => [p.unitName, p.inspectorName].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('inspections.col.state'),
      key: 'active',
      render: (_, p) => (
        <Tag color={p.active ? 'green' : undefined}>
          {t(p.active ? 'inspections.active.yes' : 'inspections.active.no')}
        </Tag>
      ),
    },
    {
      title: t('assets.columns.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['xl'],
      render: (_, p) => formatInstant(p.updatedAt),
    },
  ];
  return (
    <ListPage<InspectionPlan, object>
      list={list}
      testId="inspection-plans"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(p) => p.id}
      defaultSort={{ sort: 'updatedAt', order: 'desc' }}
      searchPlaceholder={t('inspections.search.plans')}
      exportPath="/api/exports/inspection-plans.xlsx"
      renderCard={(p) => (
        <div>
          <strong>{p.name}</strong>
          <div>
            {locale === 'en' ? p.typeNameEn : p.typeNameZh} · {t(`inspections.schedule.${p.scheduleKind}`)}
          </div>
          <div>{p.checklist.map((i) => (locale === 'en' && i.labelEn ? i.labelEn : i.label)).join(' / ')}</div>
        </div>
      )}
      actions={
        manage ? (
          <Button onClick={() => void generate()} data-testid="inspection-generate">
            {t('inspections.generate')}
          </Button>
        ) : null
      }
      createLabel={manage ? t('inspections.form.createPlan') : undefined}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('inspections.form.createPlan')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submitting}
        testId="plan-submit"
      >
        <Form<PlanValues>
          form={form}
          layout="vertical"
          name="inspection-plan"
          onFinish={(v) => void run(v)}
          initialValues={{
            scheduleKind: 'weekly',
            schedule: { weekday: 1 },
            active: true,
            checklist: [{ ...NEW_ITEM, key: 'item1' }],
          }}
        >
          <Form.Item
            name="name"
            label={t('inspections.form.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 60 }]}
          >
            <Input data-testid="plan-name" />
          </Form.Item>
          <Form.Item
            name="typeId"
            label={t('inspections.form.type')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              data-testid="plan-type"
              showSearch
              optionFilterProp="label"
              options={types.map((ty) => ({
                value: ty.id,
                label: `${locale === 'en' ? ty.nameEn : ty.nameZh}（${ty.code}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="scheduleKind" label={t('inspections.form.scheduleKind')}>
            <Select
              data-testid="plan-schedule-kind"
              options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`inspections.schedule.${k}`) }))}
            />
          </Form.Item>
          <ScheduleFields />
          <Form.Item name="unitId" label={t('inspections.form.unit')}>
            <UnitSelect allowClear />
          </Form.Item>
          <Form.Item
            name="inspectorId"
            label={t('inspections.form.inspector')}
            extra={t('inspections.form.inspectorHint')}
          >
            <PlanInspectorSelect data-testid="plan-inspector" />
          </Form.Item>
          <Form.Item name="active" label={t('inspections.form.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label={t('inspections.form.checklist')} required>
            <ChecklistRows />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}
