import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Input, Space, Table, Tag } from 'antd';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { LedgerCard } from './LedgerCard.tsx';
import { LotteryCard } from './LotteryCard.tsx';
import { nmApi, PHASE_COLORS, yuan, type Application, type Round } from './nm.api.ts';

const STATUS_COLORS = {
  submitted: 'default',
  eligible: 'blue',
  ineligible: 'red',
  won: 'green',
  waiting: 'gold',
  revoked: 'volcano',
} as const;
const CHECK_COLORS = { pass: 'green', fail: 'red', unknown: 'default' } as const;

/** One round: its rules and window, the applicants with their review, the lottery and, after the draw, the ledger. */
export function RoundDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [round, setRound] = useState<Round | null>(null);
  const [apps, setApps] = useState<Application[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');

  const load = useCallback(async () => {
    try {
      const [r, a] = await Promise.all([
        nmApi.round(id),
        nmApi.applications(id, {
          page,
          pageSize: 20,
          sort: 'applicationNo',
          ...(q ? { q } : {}),
        }),
      ]);
      setRound(r);
      setApps(a.items);
      setTotal(a.total);
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  }, [id, page, q, locale, message]);
  useEffect(() => void load(), [load]);

  const review = async (a: Application, decision: 'eligible' | 'ineligible') => {
    try {
      await nmApi.review(id, a.id, { decision });
      await load();
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  if (!round) return null;
  const reviewing = (round.phase === 'reviewing' || round.phase === 'applying') && can('market.manage');
  const rules = [
    round.rules.localHousehold.enabled
      ? `${t('nightMarket.rule.localHousehold')}（${round.rules.localHousehold.idPrefixes.join('、')}）`
      : null,
    round.rules.noUnpaidFines.enabled ? t('nightMarket.rule.noUnpaidFines') : null,
    t('nightMarket.rule.onePerId'),
  ].filter(Boolean);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Button onClick={onBack}>{t('nightMarket.round.back')}</Button>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        title={`${round.marketName} · ${round.name}`}
      >
        <Descriptions.Item label={t('nightMarket.round.roundNo')}>{round.roundNo}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.phase')}>
          <Tag color={PHASE_COLORS[round.phase]} data-testid="nm-phase" data-phase={round.phase}>
            {t(`nightMarket.phase.${round.phase}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.window')}>
          {formatInstant(round.applyFrom)} – {formatInstant(round.applyTo)}
        </Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.fee')}>{yuan(round.stallFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.deposit')}>{yuan(round.depositFen)}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.threshold')}>{round.pointThreshold}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.market.stalls')}>{round.stallCount}</Descriptions.Item>
        <Descriptions.Item label={t('nightMarket.round.rules')} span={2}>
          {rules.join('；')}
        </Descriptions.Item>
      </Descriptions>

      <LotteryCard round={round} onChanged={(r) => void (setRound(r), load())} />

      <Card size="small" title={t('nightMarket.round.applications')}>
        <Input.Search
          allowClear
          style={{ maxWidth: 280, marginBottom: 8 }}
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
        />
        <Table<Application>
          rowKey="id"
          size="small"
          dataSource={apps}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('nightMarket.app.empty') }}
          pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false }}
          onRow={(a) => ({ 'data-testid': `nm-app-${a.applicationNo}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('nightMarket.app.no'), dataIndex: 'applicationNo', width: 150 },
            { title: t('nightMarket.app.name'), dataIndex: 'name', width: 90 },
            { title: t('nightMarket.app.phone'), dataIndex: 'phone', width: 120 },
            { title: t('nightMarket.app.idNumber'), dataIndex: 'idNumber', width: 170 },
            { title: t('nightMarket.app.goods'), dataIndex: 'goods' },
            {
              title: t('nightMarket.app.status'),
              key: 'status',
              width: 90,
              render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`nightMarket.status.${a.status}`)}</Tag>,
            },
            {
              title: t('nightMarket.app.checks'),
              key: 'checks',
              render: (_, a) =>
                a.checks.map((c) => (
                  <Tag key={c.rule} color={CHECK_COLORS[c.result]}>
                    {t(`nightMarket.rule.${c.rule}`)}：{t(`nightMarket.rule.result.${c.result}`)}
                  </Tag>
                )),
            },
            { title: t('nightMarket.app.position'), dataIndex: 'drawPosition', width: 80 },
            { title: t('nightMarket.app.stall'), dataIndex: 'stallCode', width: 80 },
            ...(reviewing
              ? [
                  {
                    title: t('common.actions'),
                    key: 'review',
                    width: 160,
                    render: (_: unknown, a: Application) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          type={a.status === 'eligible' ? 'primary' : 'default'}
                          onClick={() => void review(a, 'eligible')}
                          data-testid={`nm-eligible-${a.applicationNo}`}
                        >
                          {t('nightMarket.app.approve')}
                        </Button>
                        <Button
                          size="small"
                          danger={a.status === 'ineligible'}
                          onClick={() => void review(a, 'ineligible')}
                        >
                          {t('nightMarket.app.reject')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {round.phase === 'drawn' ? <LedgerCard round={round} /> : null}
    </Space>
  );
}
