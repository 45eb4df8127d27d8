import { useEffect, useState } from 'react';
import { Card, Col, Row, Select, Space, Statistic } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { apApi, type ApprovalFigures } from './ap.api.ts';

/** 受理, 办结, 办结率, 提前办结率 and 咨询人次 of a year: the figures the report's sentence carries. */
export function FiguresCards() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [figures, setFigures] = useState<ApprovalFigures | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    apApi
      .figures(`${year}-01-01`, `${year}-12-31`, abort.signal)
      .then(setFigures)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => abort.abort();
  }, [year]);
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? t('approvals.kpi.none') : `${v}%`);
  if (error) return <LoadError error={error} />;
  const cards: {
    key: 'accepted' | 'closed' | 'closedRate' | 'earlyRate' | 'consultations';
    value: number | string | undefined;
  }[] = [
    { key: 'accepted', value: figures?.accepted },
    { key: 'closed', value: figures?.closed },
    { key: 'closedRate', value: rate(figures?.closedRate) },
    { key: 'earlyRate', value: rate(figures?.earlyRate) },
    { key: 'consultations', value: figures?.consultations },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space>
        <span>{t('approvals.kpi.period')}</span>
        <Select<number>
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          data-testid="ap-figures-year"
          options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
        />
      </Space>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} sm={8} lg={4}>
            <Card size="small" loading={!figures} data-testid={`ap-kpi-${c.key}`}>
              <Statistic title={t(`approvals.kpi.${c.key}`)} value={c.value ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
