import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ReportQuery } from '../../../../common/contracts/reports.ts';
import { errorText } from '../../api/errors.ts';
import { dayjs } from '../../components/dates.ts';
import { downloadFile } from '../../components/download.ts';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { periodQuery, type PeriodChoice } from '../kpi/kpi-period.ts';
import { PeriodPicker } from '../kpi/PeriodPicker.tsx';
import { REPORT_URL, reportsApi, type StatReport } from './reports.api.ts';
import { ReportTableView } from './ReportTableView.tsx';
import { DossierBatchCard } from '../dossier/DossierBatchCard.tsx';

const KINDS = ['month', 'quarter', 'year', 'custom'] as const;

/** 统计报表: the report on screen (sentences and tables) and the same report as .docx and .xlsx. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    kind: 'month',
    at: dayjs().startOf('month'),
    range: null,
  }));
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const p = periodQuery(choice);
  const query: ReportQuery | null = p && p.period !== 'day' ? { ...p, period: p.period, lang: locale } : null;
  // JSON.stringify(query) stands for query (a new object each render)
  const {
    data: report,
    loading,
    error,
    reload,
  } = useResource<StatReport>(query ? (signal) => reportsApi.get(query, signal) : null, [JSON.stringify(query)]);

  const download = async (kind: 'docx' | 'xlsx') => {
    if (!query) return;
    setBusy(kind);
    try {
      await downloadFile(REPORT_URL[kind], query, locale, `report.${kind}`);
    } catch (err) {
      void message.error(t('exports.failed', { message: errorText(err, locale) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageSection title={t('kpiWeb.reports.title')} testId="page-reports">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <PeriodPicker value={choice} onChange={setChoice} kinds={KINDS} testId="report-period" />
          <Flex gap={8} wrap>
            <Button
              icon={<FileWordOutlined />}
              loading={busy === 'docx'}
              disabled={!query}
              onClick={() => void download('docx')}
              data-testid="report-docx"
            >
              {t('kpiWeb.reports.downloadDocx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={busy === 'xlsx'}
              disabled={!query}
              onClick={() => void download('xlsx')}
              data-testid="report-xlsx"
            >
              {t('kpiWeb.reports.downloadXlsx')}
            </Button>
          </Flex>
        </Flex>
        {/* archiving a month: the 案卷 of its closed cases, printed in the background */}
        <DossierBatchCard />
        {error ? <LoadError error={error} onRetry={reload} testId="report" /> : null}
        {loading && !report ? <Skeleton active /> : null}
        {report ? (
          <Card data-testid="report-body" loading={loading}>
            <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }} data-testid="report-title">
              {report.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {report.tenantName} · {report.period.from} ~ {report.period.to} ·{' '}
              {t('kpiWeb.reports.generatedAt', { at: zonedDateTime(report.generatedAt, report.timeZone) })}
            </Typography.Paragraph>
            {report.noData ? (
              <Alert type="info" showIcon title={t('kpiWeb.reports.noData')} style={{ marginBottom: 16 }} />
            ) : null}
            {report.sections.map((s) => (
              <section key={s.key} data-testid={`report-section-${s.key}`}>
                <Typography.Title level={5}>{s.title}</Typography.Title>
                {s.paragraphs.map((text, j) => (
                  <Typography.Paragraph key={j} style={{ textIndent: '2em' }}>
                    {text}
                  </Typography.Paragraph>
                ))}
                {s.tables.map((table) => (
                  <ReportTableView key={table.key} table={table} />
                ))}
              </section>
            ))}
          </Card>
        ) : null}
      </Flex>
    </PageSection>
  );
}
