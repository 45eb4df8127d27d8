import { useState } from 'react';
import { Card, Col, Flex, Progress, Row, Select, Statistic, Typography } from 'antd';
import { wanYuanText } from '../../../../common/domain/projects.ts';
import { useResource } from '../../api/use-resource.ts';
import { cityToday } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { projectsApi } from './projects.api.ts';

const ALL = 'all';
/** "All years" starts here: before any project the platform will hold. */
const EARLIEST = '2000-01-01';

/** The line's KPIs for a year (or all years): funds won, projects funded, subprojects done and each project's progress. */
export function ProjectFiguresCards({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const today = cityToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState<string>(ALL);
  const from = year === ALL ? EARLIEST : `${year}-01-01`;
  const to = year === ALL ? today : `${year}-12-31`;
  const { data, error, reload } = useResource((signal) => projectsApi.figures(from, to, signal), [from, to, reloadKey]);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="projects-figures">
      <Flex gap={8} align="center">
        <span>{t('projects.kpi.year')}</span>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          data-testid="projects-figures-year"
          options={[{ value: ALL, label: t('common.all') }, ...years.map((y) => ({ value: y, label: y }))]}
        />
      </Flex>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('projects.kpi.funds')} value={data ? wanYuanText(data.fundsFen) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('projects.kpi.projects')} value={data?.projectsFunded ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('projects.kpi.subprojects')}
              value={data ? data.subprojectsDone : '—'}
              suffix={data ? `/ ${data.subprojects}` : undefined}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" styles={{ body: { minHeight: 86 } }}>
            <Typography.Text type="secondary">{t('projects.kpi.bySource')}</Typography.Text>
            {data?.bySource.length ? (
              data.bySource.map((s) => (
                <div key={s.source} style={{ fontSize: 13 }}>
                  {t('projects.kpi.sourceLine', {
                    source: t(`projects.source.${s.source}`),
                    amount: wanYuanText(s.amountFen),
                  })}
                </div>
              ))
            ) : (
              <div style={{ fontSize: 13 }}>{t('projects.kpi.none')}</div>
            )}
          </Card>
        </Col>
      </Row>
      {data?.projects.some((p) => p.subprojects > 0) ? (
        <Row gutter={[12, 12]}>
          {data.projects
            .filter((p) => p.subprojects > 0)
            .map((p) => (
              <Col xs={24} md={12} key={p.id}>
                <Card size="small">
                  <div>{t('projects.kpi.progress', { name: p.shortName ?? p.name })}</div>
                  <Progress percent={p.progressPct} />
                  <Typography.Text type="secondary">
                    {t('projects.kpi.subprojects')} {p.subprojectsDone} / {p.subprojects}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
        </Row>
      ) : null}
    </Flex>
  );
}
