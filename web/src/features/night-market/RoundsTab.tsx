import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { nmApi, PHASE_COLORS, type Market, type Round } from './nm.api.ts';
import { RoundDetail } from './RoundDetail.tsx';

interface Values {
  marketId: string;
  name: string;
  applyFrom: string;
  applyTo: string;
  stallFee: number;
  deposit: number;
  pointThreshold: number;
  local: boolean;
  prefixes: string;
  fines: boolean;
}

/** The rounds of every market, a new round with its window, fees and rules, and one round opened below. */
export function RoundsTab() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [rounds, setRounds] = useState<Round[]>([]);
  const [markets, setMarkets] = useState<Market[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [loading, setLoading] = useState(true);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    try {
      const [r, m] = await Promise.all([nmApi.rounds({ pageSize: 50 }), nmApi.markets()]);
      setRounds(r.items);
      setMarkets(m.items);
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setLoading(false);
    }
  }, [locale, message]);
  useEffect(() => void load(), [load]);

  const create = useFormSubmit(form, async (v: Values) => {
    const round = await nmApi.createRound({
      marketId: v.marketId,
      name: v.name,
      applyFrom: new Date(v.applyFrom).toISOString(),
      applyTo: new Date(v.applyTo).toISOString(),
      stallFeeFen: Math.round(v.stallFee * 100),
      depositFen: Math.round(v.deposit * 100),
      pointThreshold: v.pointThreshold,
      rules: {
        localHousehold: {
          enabled: v.local,
          idPrefixes: v.prefixes
            .split(/[,，\s]+/)
            .map((p) => p.trim())
            .filter(Boolean),
        },
        noUnpaidFines: { enabled: v.fines },
      },
    });
    setCreating(false);
    await load();
    setOpenId(round.id);
  });
  const required = [{ required: true, message: t('validation.required') }];

  if (openId)
    return (
      <RoundDetail
        id={openId}
        onBack={() => {
          setOpenId(null);
          void load();
        }}
      />
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('market.manage') ? (
        <Button
          type="primary"
          onClick={() => setCreating(true)}
          disabled={!markets.length}
          data-testid="nm-round-create"
        >
          {markets.length ? t('nightMarket.round.create') : t('nightMarket.market.none')}
        </Button>
      ) : null}
      <Table<Round>
        rowKey="id"
        size="small"
        dataSource={rounds}
        loading={loading}
        pagination={false}
        onRow={(r) => ({
          onClick: () => setOpenId(r.id),
          style: { cursor: 'pointer' },
          'data-testid': `nm-round-${r.roundNo}`,
        })}
        columns={[
          { title: t('nightMarket.round.roundNo'), dataIndex: 'roundNo' },
          { title: t('nightMarket.round.market'), dataIndex: 'marketName' },
          { title: t('nightMarket.round.name'), dataIndex: 'name' },
          {
            title: t('nightMarket.round.window'),
            key: 'window',
            render: (_, r) => `${formatInstant(r.applyFrom)} – ${formatInstant(r.applyTo)}`,
          },
          {
            title: t('nightMarket.round.phase'),
            key: 'phase',
            render: (_, r) => <Tag color={PHASE_COLORS[r.phase]}>{t(`nightMarket.phase.${r.phase}`)}</Tag>,
          },
          {
            title: t('nightMarket.round.applications'),
            key: 'apps',
            align: 'right',
            render: (_, r) => Object.values(r.counts).reduce((a, b) => a + b, 0),
          },
          { title: t('nightMarket.market.stalls'), dataIndex: 'stallCount', align: 'right' },
        ]}
      />
      <FormModal
        open={creating}
        title={t('nightMarket.round.create')}
        onSave={() => form.submit()}
        onClose={() => setCreating(false)}
        submitting={create.submitting}
        testId="nm-round-save"
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            stallFee: 300,
            deposit: 1000,
            pointThreshold: 12,
            local: true,
            prefixes: '420281',
            fines: true,
            marketId: markets[0]?.id,
          }}
          onFinish={(v) => void create.run(v)}
        >
          <Form.Item name="marketId" label={t('nightMarket.round.market')} rules={required}>
            <Select options={markets.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('nightMarket.round.name')} rules={[...required, { max: 80 }]}>
            <Input data-testid="nm-round-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="applyFrom" label={t('nightMarket.round.window')} rules={required}>
              <Input type="datetime-local" data-testid="nm-round-from" />
            </Form.Item>
            <Form.Item name="applyTo" label=" " rules={required}>
              <Input type="datetime-local" data-testid="nm-round-to" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="stallFee" label={t('nightMarket.round.fee')} rules={required}>
              <InputNumber min={0} max={1_000_000} precision={2} />
            </Form.Item>
            <Form.Item name="deposit" label={t('nightMarket.round.deposit')} rules={required}>
              <InputNumber min={0} max={1_000_000} precision={2} />
            </Form.Item>
            <Form.Item name="pointThreshold" label={t('nightMarket.round.threshold')} rules={required}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </Space>
          <Space wrap align="end">
            <Form.Item name="local" label={t('nightMarket.rule.localHousehold')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="prefixes" label="ID">
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="fines" label={t('nightMarket.rule.noUnpaidFines')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </FormModal>
    </Space>
  );
}
