import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { LEDGER_KINDS, VIOLATION_KINDS, type LedgerKind } from '../../../../common/domain/night-market.ts';
import type { LedgerLine } from '../../../../common/contracts/night-market.ts';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { nmApi, yuan, type Ledger, type Round } from './nm.api.ts';

interface EntryValues {
  kind: LedgerKind;
  amount: number;
  onDate: string;
  note?: string;
}
interface ViolationValues {
  kind: (typeof VIOLATION_KINDS)[number];
  points: number;
  onDate: string;
  note?: string;
}
const today = () => new Date().toISOString().slice(0, 10);

/** After the draw: each holder's stall fee and deposit (fen, shown in yuan) and violation points. */
export function LedgerCard({ round }: { round: Round }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [entryFor, setEntryFor] = useState<LedgerLine | null>(null);
  const [violationFor, setViolationFor] = useState<LedgerLine | null>(null);
  const [entryForm] = Form.useForm<EntryValues>();
  const [violationForm] = Form.useForm<ViolationValues>();

  const load = useCallback(async () => {
    try {
      setLedger(await nmApi.ledger(round.id));
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  }, [round.id, locale, message]);
  useEffect(() => void load(), [load]);

  const addEntry = useFormSubmit(entryForm, async (v: EntryValues) => {
    if (!entryFor) return;
    await nmApi.addLedger(round.id, {
      applicationId: entryFor.applicationId,
      kind: v.kind,
      amountFen: Math.round(v.amount * 100),
      onDate: v.onDate,
      ...(v.note ? { note: v.note } : {}),
    });
    setEntryFor(null);
    await load();
  });
  const addViolation = useFormSubmit(violationForm, async (v: ViolationValues) => {
    if (!violationFor) return;
    const r = await nmApi.addViolation(round.id, {
      applicationId: violationFor.applicationId,
      kind: v.kind,
      points: v.points,
      onDate: v.onDate,
      ...(v.note ? { note: v.note } : {}),
    });
    if (r.stallLost) void message.warning(t('nightMarket.ledger.lost', { threshold: r.threshold }));
    setViolationFor(null);
    await load();
  });
  const required = [{ required: true, message: t('validation.required') }];
  const manage = can('market.manage');

  return (
    <Card size="small" title={t('nightMarket.ledger.title')} data-testid="nm-ledger">
      {ledger ? (
        <Space style={{ marginBottom: 8 }} wrap>
          <Tag>
            {t('nightMarket.ledger.feeDue')} {yuan(ledger.totals.feeDueFen)}
          </Tag>
          <Tag color="green">
            {t('nightMarket.ledger.feePaid')} {yuan(ledger.totals.feePaidFen)}
          </Tag>
          <Tag color="blue">
            {t('nightMarket.ledger.depositHeld')} {yuan(ledger.totals.depositHeldFen)}
          </Tag>
        </Space>
      ) : null}
      <Table<LedgerLine>
        rowKey="applicationId"
        size="small"
        dataSource={ledger?.lines ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('nightMarket.app.stall'), dataIndex: 'stallCode', width: 80 },
          { title: t('nightMarket.app.no'), dataIndex: 'applicationNo', width: 150 },
          { title: t('nightMarket.app.name'), dataIndex: 'name', width: 90 },
          {
            title: t('nightMarket.app.status'),
            key: 'status',
            width: 90,
            render: (_, l) => (
              <Tag color={l.status === 'won' ? 'green' : 'volcano'}>{t(`nightMarket.status.${l.status}`)}</Tag>
            ),
          },
          {
            title: t('nightMarket.ledger.feePaid'),
            key: 'fee',
            render: (_, l) => `${yuan(l.feePaidFen)} / ${yuan(l.feeDueFen)}`,
          },
          { title: t('nightMarket.ledger.depositPaid'), key: 'dep', render: (_, l) => yuan(l.depositPaidFen) },
          { title: t('nightMarket.ledger.depositRefunded'), key: 'ref', render: (_, l) => yuan(l.depositRefundedFen) },
          {
            title: t('nightMarket.ledger.depositForfeited'),
            key: 'for',
            render: (_, l) => yuan(l.depositForfeitedFen),
          },
          {
            title: t('nightMarket.app.points'),
            key: 'points',
            render: (_, l) => `${l.points} / ${round.pointThreshold}`,
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, l: LedgerLine) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEntryFor(l)}>
                        {t('nightMarket.ledger.add')}
                      </Button>
                      <Button size="small" danger disabled={l.status !== 'won'} onClick={() => setViolationFor(l)}>
                        {t('nightMarket.ledger.violation')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={!!entryFor}
        title={`${t('nightMarket.ledger.add')} · ${entryFor?.stallCode ?? ''} ${entryFor?.name ?? ''}`}
        onSave={() => entryForm.submit()}
        onClose={() => setEntryFor(null)}
        submitting={addEntry.submitting}
        testId="nm-ledger-save"
      >
        <Form<EntryValues>
          form={entryForm}
          layout="vertical"
          initialValues={{ kind: 'fee', amount: round.stallFeeFen / 100, onDate: today() }}
          onFinish={(v) => void addEntry.run(v)}
        >
          <Form.Item name="kind" label={t('nightMarket.ledger.kindLabel')} rules={required}>
            <Select options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`nightMarket.ledger.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('nightMarket.ledger.amount')} rules={required}>
            <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="onDate" label={t('nightMarket.ledger.date')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('nightMarket.ledger.note')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
      <FormModal
        open={!!violationFor}
        title={`${t('nightMarket.ledger.violation')} · ${violationFor?.stallCode ?? ''} ${violationFor?.name ?? ''}`}
        onSave={() => violationForm.submit()}
        onClose={() => setViolationFor(null)}
        submitting={addViolation.submitting}
        testId="nm-violation-save"
        danger
      >
        <Form<ViolationValues>
          form={violationForm}
          layout="vertical"
          initialValues={{ kind: 'outside_stall', points: 3, onDate: today() }}
          onFinish={(v) => void addViolation.run(v)}
        >
          <Form.Item name="kind" label={t('nightMarket.ledger.kindLabel')} rules={required}>
            <Select
              options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`nightMarket.ledger.violationKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="points" label={t('nightMarket.ledger.points')} rules={required}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="onDate" label={t('nightMarket.ledger.date')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('nightMarket.ledger.note')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
