import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Progress, Typography } from 'antd';
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { DossierBatch } from '../../../../common/contracts/dossier.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { dayjs } from '../../components/dates.ts';
import { downloadFile } from '../../components/download.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';

/** How often a running batch is asked for its progress. */
const POLL_MS = 1_500;
const ENDED: readonly DossierBatch['status'][] = ['succeeded', 'failed', 'downloaded'];

/**
 * 案卷 month batch (docs/dossier.md "Month batch"): starts the background job for a closing month, shows cases done
 * of total while it prints, then the one download of the zip (one PDF per case). Opened again (a reload, another
 * day), it shows the requester's newest batch from the server and follows it if it still runs.
 */
export function DossierBatchCard({ defaultMonth }: { defaultMonth?: Dayjs }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => defaultMonth ?? dayjs().subtract(1, 'month').startOf('month'));
  const [batch, setBatch] = useState<DossierBatch | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const canRead = (useAuth().me?.permissions ?? []).includes('case.read');

  // after a reload the card shows the running or last batch again: the job lives on the server, not in this page
  useEffect(() => {
    if (!canRead) return;
    const controller = new AbortController();
    api
      .get<{ batch: DossierBatch | null }>('/api/dossiers/batches/latest', { signal: controller.signal })
      .then(({ batch: latest }) => {
        if (!latest) return;
        setBatch((current) => current ?? latest);
        setMonth(dayjs(`${latest.month}-01`));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [canRead]);

  useEffect(() => {
    if (!batch || ENDED.includes(batch.status)) return;
    timer.current = setTimeout(() => {
      api
        .get<DossierBatch>(`/api/dossiers/batches/${encodeURIComponent(batch.id)}`)
        .then(setBatch)
        .catch((err: unknown) => void message.error(errorText(err, locale)));
    }, POLL_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [batch, locale, message]);

  const start = async () => {
    setBusy(true);
    try {
      setBatch(await api.post<DossierBatch>('/api/dossiers/batches', { month: month.format('YYYY-MM') }));
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!batch?.download) return;
    setBusy(true);
    try {
      await downloadFile(batch.download, {}, locale, `dossiers-${batch.month}.zip`);
      setBatch({ ...batch, status: 'downloaded', download: null });
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  if (!canRead) return null;
  const running = batch !== null && !ENDED.includes(batch.status);
  const { casesDone, casesTotal } = batch?.progress ?? { casesDone: 0, casesTotal: null };
  return (
    <Card size="small" title={t('supervision.batch.title')} data-testid="dossier-batch">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('supervision.batch.hint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            onChange={(v) => v && setMonth(v)}
            disabled={running}
            aria-label={t('supervision.batch.month')}
            data-testid="dossier-batch-month"
          />
          <Button
            type="primary"
            icon={<FileZipOutlined />}
            loading={busy && !batch?.download}
            disabled={running}
            onClick={() => void start()}
            data-testid="dossier-batch-start"
          >
            {t('supervision.batch.start')}
          </Button>
        </Flex>
        {batch && batch.status !== 'failed' ? (
          <div data-testid="dossier-batch-progress">
            <Typography.Text>
              {casesTotal === null
                ? t('supervision.batch.listing')
                : t('supervision.batch.progress', { done: casesDone, total: casesTotal })}
            </Typography.Text>
            <Progress
              percent={casesTotal ? Math.floor((casesDone / casesTotal) * 100) : running ? 0 : 100}
              status={running ? 'active' : 'success'}
            />
          </div>
        ) : null}
        {batch?.download ? (
          <Flex gap={8} wrap align="center">
            <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="dossier-batch-download">
              {t('supervision.batch.download')}
            </Button>
            {batch.expiresAt ? (
              <Typography.Text type="secondary">
                {t('supervision.batch.expires', { at: formatInstant(batch.expiresAt) })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {batch?.status === 'downloaded' ? (
          <Typography.Text type="secondary">{t('supervision.batch.downloaded')}</Typography.Text>
        ) : null}
        {batch?.status === 'failed' ? (
          <Alert type="error" showIcon title={batch.error?.message ?? batch.error?.code} />
        ) : null}
      </Flex>
    </Card>
  );
}
