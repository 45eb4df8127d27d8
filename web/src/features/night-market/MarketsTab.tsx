import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { nmApi, type Market, type MarketDetail } from './nm.api.ts';

interface MarketValues {
  name: string;
  address: string;
  openingHours?: string;
}
interface StallValues {
  prefix: string;
  first: number;
  count: number;
  widthCm: number;
  depthCm: number;
  location: string;
}

/** The markets, a new market, and a block of numbered stalls added at once (A-001 … A-190). */
export function MarketsTab() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [markets, setMarkets] = useState<Market[]>([]);
  const [selected, setSelected] = useState<MarketDetail | null>(null);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [marketForm] = Form.useForm<MarketValues>();
  const [stallForm] = Form.useForm<StallValues>();

  const load = useCallback(async () => {
    try {
      const { items } = await nmApi.markets();
      setMarkets(items);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  }, [locale, message]);
  useEffect(() => void load(), [load]);
  const open = async (id: string) => setSelected(await nmApi.market(id));

  const createMarket = useFormSubmit(marketForm, async (v: MarketValues) => {
    const m = await nmApi.createMarket({ name: v.name, address: v.address, openingHours: v.openingHours ?? null });
    setCreating(false);
    setSelected(m);
    await load();
  });
  const addStalls = useFormSubmit(stallForm, async (v: StallValues) => {
    if (!selected) return;
    const stalls = Array.from({ length: v.count }, (_, i) => ({
      code: `${v.prefix}${String(v.first + i).padStart(3, '0')}`,
      widthCm: v.widthCm,
      depthCm: v.depthCm,
      location: v.location,
    }));
    setSelected(await nmApi.addStalls(selected.id, { stalls }));
    setAdding(false);
    await load();
  });
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('market.manage') ? (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="nm-market-create">
          {t('nightMarket.market.create')}
        </Button>
      ) : null}
      <Table<Market>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={markets}
        onRow={(m) => ({ onClick: () => void open(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('nightMarket.market.name'), dataIndex: 'name' },
          { title: t('nightMarket.market.address'), dataIndex: 'address' },
          { title: t('nightMarket.market.hours'), dataIndex: 'openingHours' },
          { title: t('nightMarket.market.stalls'), dataIndex: 'stallCount', align: 'right' },
        ]}
      />
      {selected ? (
        <>
          <Space>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {selected.name}
            </Typography.Title>
            {can('market.manage') ? (
              <Button onClick={() => setAdding(true)} data-testid="nm-stalls-add">
                {t('nightMarket.market.addStalls')}
              </Button>
            ) : null}
          </Space>
          <Table
            rowKey="id"
            size="small"
            dataSource={selected.stalls}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('nightMarket.market.code'), dataIndex: 'code' },
              {
                title: t('nightMarket.market.size'),
                key: 'size',
                render: (_, s) => `${s.widthCm / 100} × ${s.depthCm / 100} m`,
              },
              { title: t('nightMarket.market.location'), dataIndex: 'location' },
              {
                title: t('nightMarket.market.holder'),
                key: 'holder',
                render: (_, s) => (s.holder ? `${s.holder.applicationNo} ${s.holder.name}` : '—'),
              },
            ]}
          />
        </>
      ) : null}
      <FormModal
        open={creating}
        title={t('nightMarket.market.create')}
        onSave={() => marketForm.submit()}
        onClose={() => setCreating(false)}
        submitting={createMarket.submitting}
        testId="nm-market-save"
      >
        <Form<MarketValues> form={marketForm} layout="vertical" onFinish={(v) => void createMarket.run(v)}>
          <Form.Item name="name" label={t('nightMarket.market.name')} rules={[...required, { max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('nightMarket.market.address')} rules={[...required, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="openingHours" label={t('nightMarket.market.hours')} rules={[{ max: 60 }]}>
            <Input placeholder="18:00-24:00" />
          </Form.Item>
        </Form>
      </FormModal>
      <FormModal
        open={adding}
        title={t('nightMarket.market.addStalls')}
        onSave={() => stallForm.submit()}
        onClose={() => setAdding(false)}
        submitting={addStalls.submitting}
        testId="nm-stalls-save"
      >
        <Form<StallValues>
          form={stallForm}
          layout="vertical"
          initialValues={{ prefix: 'A-', first: 1, count: 10, widthCm: 300, depthCm: 200 }}
          onFinish={(v) => void addStalls.run(v)}
        >
          <Space wrap>
            <Form.Item name="prefix" label={t('nightMarket.market.prefix')} rules={required}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="first" label={t('nightMarket.market.first')} rules={required}>
              <InputNumber min={1} max={999} precision={0} />
            </Form.Item>
            <Form.Item name="count" label={t('nightMarket.market.count')} rules={required}>
              <InputNumber min={1} max={500} precision={0} />
            </Form.Item>
            <Form.Item name="widthCm" label={t('nightMarket.market.width')} rules={required}>
              <InputNumber min={50} max={2000} precision={0} />
            </Form.Item>
            <Form.Item name="depthCm" label={t('nightMarket.market.depth')} rules={required}>
              <InputNumber min={50} max={2000} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="location" label={t('nightMarket.market.location')} rules={[...required, { max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
    </Space>
  );
}
