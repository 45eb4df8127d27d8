import { useCallback, useEffect, useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  type TableColumnsType,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { InspectionPlanCreate } from '../../../../common/contracts/inspections.ts';
import {
  ITEM_KINDS,
  ON_FAIL,
  SCHEDULE_KINDS,
  type ChecklistItem,
  type ScheduleKind,
} from '../../../../common/domain/inspections.ts';
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
import { useFormSubmit } from '../../components/useFormSubmit.ts';

interface PlanValues {
  name: string;
  typeId: string;
  scheduleKind: ScheduleKind;
  schedule: { weekday?: number; day?: number; dates?: string[] };
  unitId?: string | null;
  active: boolean;
  checklist: (Omit<ChecklistItem, 'labelEn' | 'unit'> & { labelEn?: string; unit?: string })[];
}

const NEW_ITEM = { kind: 'check', onFail: 'work_order', workDays: 3 } as const;

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
    active: v.active,
    checklist: (v.checklist ?? []).map((i) =>
      Object.fromEntries(
        Object.entries(i).filter(([, value]) => value !== undefined && value !== null && value !== ''),
      ),
    ) as unknown as ChecklistItem[],
  };
}

function ChecklistRows() {
  const { t } = useI18n();
  const form = Form.useFormInstance<PlanValues>();
  return (
    <Form.List
      name="checklist"
      rules={[
        {
          validator: async (_, items: unknown[]) => {
            if (!items?.length) throw new Error(t('inspections.form.needItem'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <div key={f.key} className="inspection-item-row" data-testid={`plan-item-${f.name}`}>
              <Space wrap align="start" size={8}>
                <Form.Item name={[f.name, 'key']} label={t('inspections.form.itemKey')} rules={[{ required: true }]}>
                  <Input style={{ width: 110 }} data-testid={`plan-item-${f.name}-key`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'label']}
                  label={t('inspections.form.itemLabel')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input style={{ width: 160 }} data-testid={`plan-item-${f.name}-label`} />
                </Form.Item>
                <Form.Item name={[f.name, 'labelEn']} label={t('inspections.form.itemLabelEn')}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} label={t('inspections.form.itemKind')}>
                  <Select
                    style={{ width: 120 }}
                    options={ITEM_KINDS.map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['checklist', f.name, 'kind']]}>
                  {() =>
                    form.getFieldValue(['checklist', f.name, 'kind']) === 'number' ? (
                      <>
                        <Form.Item name={[f.name, 'min']} label={t('inspections.form.min')}>
                          <InputNumber style={{ width: 90 }} data-testid={`plan-item-${f.name}-min`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'max']} label={t('inspections.form.max')}>
                          <InputNumber style={{ width: 90 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'unit']} label={t('inspections.form.itemUnit')}>
                          <Input style={{ width: 70 }} />
                        </Form.Item>
                      </>
                    ) : null
                  }
                </Form.Item>
                <Form.Item name={[f.name, 'onFail']} label={t('inspections.form.onFail')}>
                  <Select
                    style={{ width: 150 }}
                    options={ON_FAIL.map((k) => ({ value: k, label: t(`inspections.onFail.${k}`) }))}
                    data-testid={`plan-item-${f.name}-onFail`}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['checklist', f.name, 'onFail']]}>
                  {() => {
                    const onFail = form.getFieldValue(['checklist', f.name, 'onFail']) as string | undefined;
                    if (onFail === 'work_order')
                      return (
                        <Form.Item name={[f.name, 'workDays']} label={t('inspections.form.workDays')}>
                          <InputNumber min={1} max={90} precision={0} style={{ width: 90 }} />
                        </Form.Item>
                      );
                    if (onFail === 'case')
                      return (
                        <Form.Item name={[f.name, 'matterCode']} label={t('inspections.form.matterCode')}>
                          <Input style={{ width: 100 }} maxLength={5} data-testid={`plan-item-${f.name}-matter`} />
                        </Form.Item>
                      );
                    return null;
                  }}
                </Form.Item>
                <Form.Item name={[f.name, 'photoRequired']} valuePropName="checked" label=" ">
                  <Checkbox>{t('inspections.form.photoRequired')}</Checkbox>
                </Form.Item>
                <Form.Item label=" ">
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('inspections.form.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Form.Item>
              </Space>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...NEW_ITEM, key: `item${fields.length + 1}` })}
            data-testid="plan-add-item"
          >
            {t('inspections.form.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function ScheduleFields() {
  const { t } = useI18n();
  const kind = Form.useWatch('scheduleKind') as ScheduleKind | undefined;
  const required = [{ required: true, message: t('validation.required') }];
  if (kind === 'weekly')
    return (
      <Form.Item name={['schedule', 'weekday']} label={t('inspections.form.weekday')} rules={required}>
        <Select
          data-testid="plan-weekday"
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`inspections.weekdays.${d as 1}`) }))}
        />
      </Form.Item>
    );
  if (kind === 'monthly' || kind === 'seasonal')
    return (
      <Form.Item name={['schedule', 'day']} label={t('inspections.form.day')} rules={required}>
        <InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    );
  if (kind === 'flood')
    return (
      <Form.Item name={['schedule', 'dates']} label={t('inspections.form.dates')} rules={required}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid="plan-dates" />
      </Form.Item>
    );
  return null;
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
    { title: t('inspections.col.unit'), key: 'unit', responsive: ['lg'], render: (_, p) => p.unitName ?? '—' },
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
          <Form.Item name="unitId" label={t('inspections.form.unit')} extra={t('inspections.form.inspectorHint')}>
            <UnitSelect allowClear />
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
