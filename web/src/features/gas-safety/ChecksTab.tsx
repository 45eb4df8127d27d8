import { useCallback } from 'react';
import { Form, Input, Select, Space } from 'antd';
import type { GasCheckCreate, GasCheckQuery } from '../../../../common/contracts/gas-safety.ts';
import { GAS_CHECK_SOURCES } from '../../../../common/domain/gas-safety.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { cityToday } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, TownshipSelect } from '../illegal-construction/fields.tsx';
import { gasApi, type GasCheck } from './gas.api.ts';

type Filters = Pick<GasCheckQuery, 'source'>;

/** The year's safety checks, the bureau's and the superior authorities', with the hazards each found. */
export function ChecksTab({ year }: { year: number }) {
  const { t } = useI18n();
  const mayManage = useAuth().can('assets.manage');
  const list = useCrudList<GasCheck, Filters>();
  const [form] = Form.useForm<GasCheckCreate>();
  const submit = useFormSubmit(form, async (v: GasCheckCreate) => {
    await gasApi.createCheck(v);
    list.saved();
  });
  const fetchPage = useCallback(
    (q: GasCheckQuery, signal: AbortSignal) => gasApi.checks({ ...q, year }, signal),
    [year],
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ListPage<GasCheck, Filters>
      list={list}
      testId="gas-checks"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('gasSafety.searchChecks')}
      defaultSort={{ sort: 'checkedOn', order: 'desc' }}
      createLabel={mayManage ? t('gasSafety.actions.createCheck') : undefined}
      toolbar={
        <Space>
          <FilterSelect
            list={list}
            name="source"
            codes={GAS_CHECK_SOURCES}
            label={(c) => t(`gasSafety.source.${c}`)}
            placeholder={t('gasSafety.fields.source')}
            width={130}
          />
        </Space>
      }
      columns={[
        { title: t('gasSafety.fields.checkNo'), dataIndex: 'checkNo', key: 'checkNo', sorter: true, width: 120 },
        { title: t('gasSafety.fields.title'), dataIndex: 'title' },
        { title: t('gasSafety.fields.source'), key: 'source', render: (_, r) => t(`gasSafety.source.${r.source}`) },
        { title: t('gasSafety.fields.checkedOn'), dataIndex: 'checkedOn', key: 'checkedOn', sorter: true, width: 110 },
        { title: t('gasSafety.fields.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
        { title: t('gasSafety.fields.team'), dataIndex: 'team', render: (v: string | null) => v ?? '—' },
        { title: t('gasSafety.fields.hazards'), dataIndex: 'hazards', align: 'right' },
        { title: t('gasSafety.fields.openHazards'), dataIndex: 'openHazards', align: 'right' },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('gasSafety.actions.createCheck')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="gas-check-save"
      >
        <Form<GasCheckCreate>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ source: 'bureau', checkedOn: cityToday() }}
          onFinish={(v) => void submit.run(v)}
        >
          <Form.Item name="title" label={t('gasSafety.fields.title')} rules={[...required, { max: 120 }]}>
            <Input data-testid="gas-check-title" />
          </Form.Item>
          <Form.Item name="source" label={t('gasSafety.fields.source')} rules={required}>
            <Select options={GAS_CHECK_SOURCES.map((s) => ({ value: s, label: t(`gasSafety.source.${s}`) }))} />
          </Form.Item>
          <DateItem name="checkedOn" label={t('gasSafety.fields.checkedOn')} required testId="gas-check-date" />
          <Form.Item name="regionId" label={t('gasSafety.fields.region')}>
            <TownshipSelect testId="gas-check-region" allowClear />
          </Form.Item>
          <Form.Item name="team" label={t('gasSafety.fields.team')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('gasSafety.fields.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}
