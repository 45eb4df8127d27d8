import { useEffect, useState } from 'react';
import { Button, Empty, Flex, List, Modal, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { CallerHistory } from '../../../../common/contracts/caller.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { statusLabel } from '../cases/labels.ts';

/** The data of an `event: call` on /api/live: no number travels there, the history is read with the reader's masking. */
interface CallEvent {
  callId: string;
  line: string | null;
  calledAt: string;
}

function parse(data: string): CallEvent | null {
  try {
    const v = JSON.parse(data) as Partial<CallEvent>;
    return typeof v.callId === 'string' ? (v as CallEvent) : null;
  } catch {
    return null;
  }
}

/**
 * 来电弹屏 (docs/caller-popup.md): listens for ringing calls on the live stream and pops up the caller's previous
 * cases and hotline orders, with one click to a new case pre-filled with the number. Mounted for call takers only.
 */
export function CallerPopup() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [call, setCall] = useState<CallEvent | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/live', { withCredentials: true });
    const onCall = (m: MessageEvent<string>) => {
      const e = parse(m.data);
      if (e) setCall(e);
    };
    source.addEventListener('call', onCall as EventListener);
    return () => {
      source.removeEventListener('call', onCall as EventListener);
      source.close();
    };
  }, []);
  const history = useResource(
    call
      ? (signal) => api.get<CallerHistory>(`/api/hotline/calls/${encodeURIComponent(call.callId)}/history`, { signal })
      : null,
    [call?.callId],
  );
  const h = history.data;
  return (
    <Modal
      open={!!call}
      onCancel={() => setCall(null)}
      title={
        <Flex gap={8} align="center" wrap>
          <PhoneOutlined />
          <span>{t('caller.title')}</span>
          {h ? <Typography.Text strong>{t('caller.incoming', { phone: h.phone })}</Typography.Text> : null}
        </Flex>
      }
      width="min(760px, 100vw)"
      footer={[
        <Button key="close" onClick={() => setCall(null)}>
          {t('caller.close')}
        </Button>,
        <Button
          key="intake"
          type="primary"
          disabled={!h || h.phoneMasked}
          data-testid="caller-intake"
          onClick={() => {
            if (!h) return;
            setCall(null);
            void navigate(`/cases/new?phone=${encodeURIComponent(h.phone)}`);
          }}
        >
          {t('caller.startIntake')}
        </Button>,
      ]}
      data-testid="caller-popup"
    >
      {history.error ? <LoadError error={history.error} onRetry={history.reload} testId="caller" /> : null}
      {call ? (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {call.line ? <Tag>{t('caller.line', { line: call.line })}</Tag> : null}
          <Tag>{t('caller.at', { time: formatInstant(call.calledAt) })}</Tag>
          {h?.phoneMasked ? <Tag color="warning">{t('caller.masked')}</Tag> : null}
        </Flex>
      ) : null}
      <Typography.Title level={5}>{t('caller.cases')}</Typography.Title>
      <List
        size="small"
        loading={history.loading}
        dataSource={h?.cases ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caller.noCases')} /> }}
        renderItem={(c) => (
          <List.Item extra={<Tag>{statusLabel(locale, c.status)}</Tag>}>
            <List.Item.Meta
              title={
                <Link to={`/cases/${encodeURIComponent(c.id)}`} onClick={() => setCall(null)}>
                  {c.caseNo}
                </Link>
              }
              description={`${formatInstant(c.reportedAt)} · ${c.description}`}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('caller.orders')}</Typography.Title>
      <List
        size="small"
        loading={history.loading}
        dataSource={h?.orders ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caller.noOrders')} /> }}
        renderItem={(o) => (
          <List.Item extra={o.caseNo ? <Tag>{o.caseNo}</Tag> : null}>
            <List.Item.Meta title={`${o.externalNo}`} description={`${formatInstant(o.receivedAt)} · ${o.content}`} />
          </List.Item>
        )}
      />
    </Modal>
  );
}
