import { Card, Col, Empty, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { KeyFigure } from '../../../../common/contracts/key-figures.ts';
import { figureText } from '../../../../common/domain/report-figures.ts';
import { useResource } from '../../api/use-resource.ts';
import { cityToday } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { Sparkline } from '../../components/Sparkline.tsx';
import { useI18n } from '../../i18n/context.ts';
import { yearbookApi, type KeyFigures } from './yearbook.api.ts';

const YEARS_BACK = 6;

/** 年度关键指标: the year's figures of every business line, each with its months and the records behind it. */
export function KeyFiguresPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(cityToday().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const { data, loading, error, reload } = useResource<KeyFigures>(
    (signal) => yearbookApi.keyFigures(year, locale, signal),
    [year, locale],
    { resetOnChange: true },
  );
  const years = [...new Set([year, ...Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i)])].sort(
    (a, b) => b - a,
  );

  const tile = (f: KeyFigure) => {
    const months = f.months
      .map((v, i) =>
        v === null ? null : t('yearbook.keyFigures.monthValue', { n: i + 1, text: figureText(v, f.unit) }),
      )
      .filter((x): x is string => x !== null)
      .join(' · ');
    return (
      <Col key={f.key} xs={12} md={8} xl={6}>
        <Card size="small" style={{ height: '100%' }} data-testid={`key-figure-${f.key}`}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: f.label }}>
              {f.label}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="key-figure-value">
              {f.text}
            </Typography.Text>
            <Sparkline
              values={f.months}
              width={132}
              label={t('yearbook.keyFigures.trendOf', { months })}
              testId="key-figure-trend"
            />
            {f.link ? (
              <Link to={f.link} style={{ fontSize: 12 }} data-testid="key-figure-drill">
                {t('yearbook.keyFigures.drill')}
              </Link>
            ) : null}
          </Flex>
        </Card>
      </Col>
    );
  };

  return (
    <PageSection
      title={t('yearbook.keyFigures.title')}
      testId="page-key-figures"
      extra={
        <Flex gap={8} align="center" wrap>
          {data ? (
            <Typography.Text type="secondary">
              {t('yearbook.keyFigures.through', { month: data.through })}
            </Typography.Text>
          ) : null}
          <Select
            value={year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            style={{ width: 120 }}
            aria-label={t('yearbook.keyFigures.year')}
            options={years.map((y) => ({ value: y, label: t('yearbook.page.yearOption', { year: y }) }))}
            data-testid="key-figures-year"
          />
        </Flex>
      }
    >
      {error ? <LoadError error={error} onRetry={reload} testId="key-figures" /> : null}
      {loading && !data ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {data && !data.lines.length ? (
        <Card>
          <Empty description={t('yearbook.keyFigures.empty')} />
        </Card>
      ) : null}
      <Flex vertical gap={16}>
        {data?.lines.map((line) => (
          <Card key={line.key} title={line.title} size="small" data-testid={`key-line-${line.key}`}>
            <Row gutter={[12, 12]}>{line.figures.map(tile)}</Row>
          </Card>
        ))}
      </Flex>
    </PageSection>
  );
}
