import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag, type TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ASSET_LINES, type AssetLine } from '../../../../common/domain/assets.ts';
import { DEDUCTION_KINDS, type DeductionKind } from '../../../../common/domain/inspections.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { orgApi } from '../org/org.api.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { AssessmentSheet } from './AssessmentSheet.tsx';
import { inspectionsApi, type Contract } from './inspections.api.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';

interface ContractValues {
  contractNo: string;
  name: string;
  unitId: string;
  line: AssetLine;
  regionIds: string[];
  period: [Dayjs, Dayjs];
  baseScore: number;
  rules: { kind: DeductionKind; points: number }[];
}

/** The tenant's streets and towns, the area a contract may cover. */
function useStreets() {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    const c = new AbortController();
    orgApi.regions({ pageSize: 200, sort: 'code', order: 'asc' }, c.signal).then(
      (p) =>
        setOptions(
          p.items.filter((r) => r.kind === 'street' || r.kind === 'town').map((r) => ({ value: r.id, label: r.name })),
        ),
      () => undefined,
    );
    return () => c.abort();
  }, []);
  return options;
}

/** 外包考核: the contracts (search, sort, paging), a manager registers one; the chosen one's sheet of a month. */
export function ContractList() {
  const { t, locale } = useI18n();
  const manage = useAuth().can('assets.manage');
  const list = useCrudList<Contract, { line?: AssetLine }>();
  const [form] = Form.useForm<ContractValues>();
  const streets = useStreets();
  const [chosen, setChosen] = useState<string | null>(null);
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const fetchPage = useCallback<FetchPage<Contract, { line?: AssetLine }>>(
    (r, signal) => inspectionsApi.contracts(r, signal),
    [],
  );
  const { submitting, run } = useFormSubmit(
    form,
    async (v: ContractValues) => {
      await inspectionsApi.createContract({
        contractNo: v.contractNo.trim(),
        name: v.name.trim(),
        unitId: v.unitId,
        line: v.line,
        regionIds: v.regionIds,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        baseScore: v.baseScore,
        rules: v.rules,
      });
      list.saved();
    },
    { detailTexts: true },
  );
  const required = [{ required: true, message: t('validation.required') }];
  const columns: TableColumnsType<Contract> = [
    { title: t('inspections.col.contractNo'), key: 'contractNo', sorter: true, render: (_, c) => c.contractNo },
    { title: t('inspections.col.name'), key: 'name', sorter: true, render: (_, c) => c.name },
    { title: t('inspections.col.contractor'), key: 'unit', render: (_, c) => c.unitName ?? '—' },
    { title: t('inspections.col.line'), key: 'line', render: (_, c) => t(`assets.lines.${c.line}`) },
    {
      title: t('inspections.col.area'),
      key: 'area',
      responsive: ['lg'],
      render: (_, c) => c.regionNames.join(locale === 'en' ? ', ' : '、'),
    },
    {
      title: t('inspections.col.period'),
      key: 'startsOn',
      sorter: true,
      render: (_, c) => `${c.startsOn} ~ ${c.endsOn}`,
    },
    {
      title: t('inspections.form.rules'),
      key: 'rules',
      responsive: ['xl'],
      render: (_, c) => (
        <Space wrap size={4}>
          {c.rules.map((r) => (
            <Tag key={r.kind}>{`${t(`inspections.deduction.${r.kind}`)} −${r.points}`}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setChosen(c.id)} data-testid={`contract-sheet-${c.contractNo}`}>
          {t('inspections.month')}
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="contract-list">
      <ListPage<Contract, { line?: AssetLine }>
        list={list}
        testId="contracts"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort={{ sort: 'contractNo', order: 'asc' }}
        searchPlaceholder={t('inspections.search.contracts')}
        exportPath="/api/exports/contracts.xlsx"
        renderCard={(c) => (
          <div onClick={() => setChosen(c.id)}>
            <strong>{c.name}</strong>
            <div>
              {c.contractNo} · {c.unitName ?? '—'}
            </div>
            <div>{`${c.startsOn} ~ ${c.endsOn}`}</div>
          </div>
        )}
        createLabel={manage ? t('inspections.form.createContract') : undefined}
      >
        <FormModal
          open={list.target === 'new'}
          title={t('inspections.form.createContract')}
          onSave={() => form.submit()}
          onClose={list.close}
          submitting={submitting}
          testId="contract-submit"
        >
          <Form<ContractValues>
            form={form}
            layout="vertical"
            name="contract"
            onFinish={(v) => void run(v)}
            initialValues={{
              baseScore: 100,
              line: 'drainage',
              period: [dayjs().startOf('year'), dayjs().endOf('year')],
              rules: [
                { kind: 'overdue_case', points: 2 },
                { kind: 'failed_item', points: 1 },
                { kind: 'overdue_work_order', points: 3 },
              ],
            }}
          >
            <Form.Item name="contractNo" label={t('inspections.form.contractNo')} rules={required}>
              <Input maxLength={40} data-testid="contract-no" />
            </Form.Item>
            <Form.Item name="name" label={t('inspections.form.contractName')} rules={required}>
              <Input maxLength={80} data-testid="contract-name" />
            </Form.Item>
            <Form.Item name="unitId" label={t('inspections.form.contractor')} rules={required}>
              <UnitSelect data-testid="contract-unit" />
            </Form.Item>
            <Form.Item name="line" label={t('inspections.form.line')} rules={required}>
              <Select options={ASSET_LINES.map((l) => ({ value: l, label: t(`assets.lines.${l}`) }))} />
            </Form.Item>
            <Form.Item name="regionIds" label={t('inspections.form.area')} rules={required}>
              <Select mode="multiple" options={streets} optionFilterProp="label" data-testid="contract-area" />
            </Form.Item>
            <Form.Item name="period" label={t('inspections.form.period')} rules={required}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="baseScore" label={t('inspections.form.baseScore')}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('inspections.form.rules')} required>
              <Form.List
                name="rules"
                rules={[
                  {
                    validator: async (_, rows: unknown[]) => {
                      if (!rows?.length) throw new Error(t('inspections.form.needRule'));
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="start" data-testid={`contract-rule-${f.name}`}>
                        <Form.Item name={[f.name, 'kind']} rules={required}>
                          <Select
                            style={{ width: 200 }}
                            aria-label={t('inspections.form.ruleKind')}
                            options={DEDUCTION_KINDS.map((k) => ({ value: k, label: t(`inspections.deduction.${k}`) }))}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'points']} rules={required}>
                          <InputNumber
                            min={0.1}
                            max={100}
                            step={0.5}
                            aria-label={t('inspections.form.rulePoints')}
                            placeholder={t('inspections.form.rulePoints')}
                            data-testid={`contract-rule-${f.name}-points`}
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<MinusCircleOutlined />}
                          aria-label={t('inspections.form.remove')}
                          onClick={() => remove(f.name)}
                        />
                      </Space>
                    ))}
                    <Form.ErrorList errors={errors} />
                    {fields.length < DEDUCTION_KINDS.length ? (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ points: 1 })}>
                        {t('inspections.form.addRule')}
                      </Button>
                    ) : null}
                  </>
                )}
              </Form.List>
            </Form.Item>
          </Form>
        </FormModal>
      </ListPage>
      <Space style={{ margin: '12px 0' }} wrap>
        <span>{t('inspections.month')}</span>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
      </Space>
      {chosen ? <AssessmentSheet contractId={chosen} month={month} /> : null}
    </div>
  );
}
