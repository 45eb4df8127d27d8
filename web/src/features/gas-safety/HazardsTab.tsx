import { useCallback, useState } from 'react';
import { Button, Form, Input, Select, Space, Switch, Tag } from 'antd';
import type { GasHazardCreate, GasHazardQuery } from '../../../../common/contracts/gas-safety.ts';
import {
  GAS_CHECK_SOURCES,
  GAS_HAZARD_LEVELS,
  GAS_HAZARD_STATUSES,
  type GasHazardStatus,
} from '../../../../common/domain/gas-safety.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RemoteSelect, type RemoteOption } from '../../components/RemoteSelect.tsx';
import { cityToday } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { DateItem, TownshipSelect } from '../illegal-construction/fields.tsx';
import { gasApi, type GasHazard } from './gas.api.ts';

const STATUS_COLORS: Record<GasHazardStatus, string> = { open: 'warning', rectified: 'processing', closed: 'success' };
type Filters = Pick<GasHazardQuery, 'status' | 'source' | 'level' | 'overdue'>;

interface StepValues {
  onDate: string;
  note: string;
  passed?: boolean;
  newDeadline?: string;
  photoIds?: string[];
}

/** The rectification report or the re-inspection of one hazard; a passed re-inspection asks for a photo. */
function StepModal({
  hazard,
  kind,
  onClose,
  onDone,
}: {
  hazard: GasHazard | null;
  kind: 'rectify' | 'reinspect';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepValues>();
  const passed = Form.useWatch('passed', form);
  const submit = useFormSubmit(form, async (v: StepValues) => {
    const base = { version: hazard!.version, onDate: v.onDate, note: v.note.trim(), photoIds: v.photoIds ?? [] };
    if (kind === 'rectify') await gasApi.rectify(hazard!.id, base);
    else
      await gasApi.reinspect(hazard!.id, {
        ...base,
        passed: !!v.passed,
        ...(v.passed ? {} : { newDeadline: v.newDeadline }),
      });
    onDone();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={!!hazard}
      title={`${t(`gasSafety.actions.${kind}`)} · ${hazard?.hazardNo ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submit.submitting}
      testId={`gas-${kind}-save`}
    >
      <Form<StepValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ onDate: cityToday(), passed: true }}
        onFinish={(v) => void submit.run(v)}
      >
        <DateItem name="onDate" label={t('gasSafety.fields.onDate')} required testId={`gas-${kind}-date`} />
        {kind === 'reinspect' ? (
          <Form.Item name="passed" label={t('gasSafety.fields.passed')} valuePropName="checked">
            <Switch data-testid="gas-reinspect-passed" />
          </Form.Item>
        ) : null}
        {kind === 'reinspect' && !passed ? (
          <DateItem name="newDeadline" label={t('gasSafety.fields.newDeadline')} required testId="gas-new-deadline" />
        ) : null}
        <Form.Item name="note" label={t('gasSafety.fields.note')} rules={required}>
          <Input.TextArea rows={3} maxLength={1000} data-testid={`gas-${kind}-note`} />
        </Form.Item>
        <Form.Item
          name="photoIds"
          label={t('gasSafety.fields.photos')}
          rules={kind === 'reinspect' && passed ? [{ required: true, message: t('gasSafety.photoRequired') }] : []}
        >
          <PhotoUpload testId={`gas-${kind}-photos`} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Hazards found by the checks, with their last day, state and the two steps that close them. */
export function HazardsTab({ year }: { year: number }) {
  const { t } = useI18n();
  const mayManage = useAuth().can('assets.manage');
  const list = useCrudList<GasHazard, Filters>();
  const [stepping, setStepping] = useState<{ hazard: GasHazard; kind: 'rectify' | 'reinspect' } | null>(null);
  const [form] = Form.useForm<GasHazardCreate>();
  const submit = useFormSubmit(form, async (v: GasHazardCreate) => {
    await gasApi.createHazard(v);
    list.saved();
  });
  const fetchPage = useCallback(
    (q: GasHazardQuery, signal: AbortSignal) => gasApi.hazards({ ...q, year }, signal),
    [year],
  );
  const searchChecks = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> =>
      (await gasApi.checks({ q: q || undefined, year, pageSize: 50 }, signal)).items.map((c) => ({
        value: c.id,
        label: `${c.checkNo} ${c.title}`,
      })),
    [year],
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ListPage<GasHazard, Filters>
      list={list}
      testId="gas-hazards"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('gasSafety.searchHazards')}
      defaultSort={{ sort: 'foundOn', order: 'desc' }}
      createLabel={mayManage ? t('gasSafety.actions.createHazard') : undefined}
      toolbar={
        <Space wrap>
          <FilterSelect
            list={list}
            name="status"
            codes={GAS_HAZARD_STATUSES}
            label={(c) => t(`gasSafety.status.${c}`)}
            placeholder={t('gasSafety.fields.status')}
            width={110}
          />
          <FilterSelect
            list={list}
            name="source"
            codes={GAS_CHECK_SOURCES}
            label={(c) => t(`gasSafety.source.${c}`)}
            placeholder={t('gasSafety.fields.source')}
            width={120}
          />
          <FilterSelect
            list={list}
            name="level"
            codes={GAS_HAZARD_LEVELS}
            label={(c) => t(`gasSafety.level.${c}`)}
            placeholder={t('gasSafety.fields.level')}
            width={110}
          />
          <BooleanSelect
            value={list.filters.overdue}
            onChange={(v) => list.setFilter('overdue', v)}
            placeholder={t('gasSafety.fields.overdue')}
            trueLabel={t('gasSafety.overdueOnly')}
            falseLabel={t('gasSafety.notOverdue')}
            width={120}
            data-testid="gas-hazards-overdue"
          />
        </Space>
      }
      columns={[
        { title: t('gasSafety.fields.hazardNo'), dataIndex: 'hazardNo', key: 'hazardNo', sorter: true, width: 130 },
        { title: t('gasSafety.fields.holder'), dataIndex: 'holder' },
        { title: t('gasSafety.fields.description'), dataIndex: 'description', ellipsis: true },
        {
          title: t('gasSafety.fields.level'),
          key: 'level',
          render: (_, r) =>
            r.level === 'major' ? <Tag color="red">{t('gasSafety.level.major')}</Tag> : t('gasSafety.level.general'),
        },
        { title: t('gasSafety.fields.source'), key: 'source', render: (_, r) => t(`gasSafety.source.${r.source}`) },
        { title: t('gasSafety.fields.foundOn'), dataIndex: 'foundOn', key: 'foundOn', sorter: true, width: 110 },
        { title: t('gasSafety.fields.deadline'), dataIndex: 'deadline', key: 'deadline', sorter: true, width: 110 },
        {
          title: t('gasSafety.fields.status'),
          key: 'status',
          render: (_, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLORS[r.status]}>{t(`gasSafety.status.${r.status}`)}</Tag>
              {r.overdue ? <Tag color="red">{t('gasSafety.overdue')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) =>
            !mayManage || r.status === 'closed' ? null : (
              <Space size={0}>
                {r.status === 'open' ? (
                  <Button size="small" type="link" onClick={() => setStepping({ hazard: r, kind: 'rectify' })}>
                    {t('gasSafety.actions.rectify')}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  type="link"
                  onClick={() => setStepping({ hazard: r, kind: 'reinspect' })}
                  data-testid={`gas-reinspect-${r.hazardNo}`}
                >
                  {t('gasSafety.actions.reinspect')}
                </Button>
              </Space>
            ),
        },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('gasSafety.actions.createHazard')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="gas-hazard-save"
      >
        <Form<GasHazardCreate>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ level: 'general' }}
          onFinish={(v) => void submit.run(v)}
        >
          <Form.Item name="checkId" label={t('gasSafety.fields.check')} rules={required}>
            <RemoteSelect search={searchChecks} data-testid="gas-hazard-check" />
          </Form.Item>
          <Form.Item name="holder" label={t('gasSafety.fields.holder')} rules={[...required, { max: 100 }]}>
            <Input data-testid="gas-hazard-holder" />
          </Form.Item>
          <Form.Item name="address" label={t('gasSafety.fields.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionId" label={t('gasSafety.fields.region')}>
            <TownshipSelect testId="gas-hazard-region" allowClear />
          </Form.Item>
          <Form.Item name="description" label={t('gasSafety.fields.description')} rules={[...required, { max: 1000 }]}>
            <Input.TextArea rows={3} data-testid="gas-hazard-description" />
          </Form.Item>
          <Form.Item name="level" label={t('gasSafety.fields.level')} rules={required}>
            <Select options={GAS_HAZARD_LEVELS.map((l) => ({ value: l, label: t(`gasSafety.level.${l}`) }))} />
          </Form.Item>
          <DateItem name="foundOn" label={t('gasSafety.fields.foundOn')} testId="gas-hazard-found" />
          <DateItem name="deadline" label={t('gasSafety.fields.deadline')} required testId="gas-hazard-deadline" />
        </Form>
      </FormModal>
      <StepModal
        hazard={stepping?.hazard ?? null}
        kind={stepping?.kind ?? 'rectify'}
        onClose={() => setStepping(null)}
        onDone={() => {
          setStepping(null);
          list.saved();
        }}
      />
    </ListPage>
  );
}
