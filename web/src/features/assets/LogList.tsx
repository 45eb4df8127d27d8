import type { FetchPage } from '../../components/usePagedQuery.ts';
import { ImportButton } from './ImportButton.tsx';
import { useCallback, useEffect } from 'react';
import { DatePicker, Form, InputNumber, type TableColumnsType } from 'antd';
import { ASSET_LINES, type AssetLine } from '../../../../common/domain/assets.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { assetsApi, type AssetType, type DailyLog } from './assets.api.ts';
import { AssetPicker } from './AssetPicker.tsx';

export function LogList({ types }: { types: AssetType[] }) {
  const { t } = useI18n();
  const list = useCrudList<DailyLog, { line?: AssetLine }>();
  const canWork = useAuth().can('assets.work');
  const [form] = Form.useForm<{ assetId: string; logDate: { format(f: string): string }; quantity: number }>();
  const fetchPage = useCallback<FetchPage<DailyLog, object>>((r, signal) => assetsApi.logs(r, signal), []);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: { assetId: string; logDate: { format(f: string): string }; quantity: number }) => {
      await assetsApi.recordLog({ assetId: v.assetId, logDate: v.logDate.format('YYYY-MM-DD'), quantity: v.quantity });
      list.saved();
    },
  );
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const columns: TableColumnsType<DailyLog> = [
    { title: t('assets.columns.logDate'), key: 'logDate', sorter: true, render: (_, l) => l.logDate },
    { title: t('assets.columns.asset'), key: 'asset', render: (_, l) => `${l.assetCode} ${l.assetName}` },
    {
      title: t('assets.columns.quantity'),
      key: 'quantity',
      sorter: true,
      align: 'right',
      render: (_, l) => `${l.quantity} ${t(`assets.logUnits.${l.unit}`)}`,
    },
    { title: t('assets.columns.source'), key: 'source', render: (_, l) => t(`assets.sources.${l.source}`) },
  ];
  return (
    <ListPage<DailyLog, { line?: AssetLine }>
      list={list}
      testId="assets-logs"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(l) => l.id}
      defaultSort={{ sort: 'logDate', order: 'desc' }}
      searchPlaceholder={t('assets.filters.search')}
      toolbar={
        <FilterSelect
          list={list}
          name="line"
          codes={ASSET_LINES}
          label={(c) => t(`assets.lines.${c}`)}
          placeholder={t('assets.filters.line')}
          width={110}
        />
      }
      actions={
        canWork ? (
          <ImportButton
            label={t('assets.actions.importWeighbridge')}
            accept=".csv"
            testId="assets-import-weighbridge"
            run={async (f) => {
              const r = await assetsApi.importWeighbridge(f);
              list.saved();
              return t('assets.import.logsDone', r);
            }}
          />
        ) : null
      }
      createLabel={canWork ? t('assets.actions.recordLog') : undefined}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('assets.actions.recordLog')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submitting}
        testId="log-submit"
      >
        <Form form={form} layout="vertical" name="daily-log" onFinish={(v) => void run(v)}>
          <Form.Item
            name="assetId"
            label={t('assets.form.asset')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <AssetPicker types={types} logOnly />
          </Form.Item>
          <Form.Item
            name="logDate"
            label={t('assets.form.logDate')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('assets.form.logQuantity')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}
