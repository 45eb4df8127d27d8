import { useEffect, useState } from 'react';
import { App, Button, Empty, Flex, Segmented, Select, Switch, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { KpiResult, KpiSettingsView } from '../../../../common/contracts/kpi.ts';
import { POST_SUBJECTS, type KpiSubject } from '../../../../common/domain/kpi.ts';
import { errorText } from '../../api/errors.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DrillDrawer } from './DrillDrawer.tsx';
import { kpiApi } from './kpi.api.ts';
import { GridScoreMap } from './GridScoreMap.tsx';
import { KpiTable, type DrillTarget, type KpiPaging } from './KpiTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { useKpiParams } from './useKpiParams.ts';
import { WeightsEditor } from './WeightsEditor.tsx';
import { KpiCompareStrip } from '../analysis/KpiCompareStrip.tsx';

const AREA_SUBJECTS: KpiSubject[] = ['tenant', 'street', 'community', 'grid', 'unit'];
const FIRST_PAGE: KpiPaging = { page: 1, pageSize: 50 };

/** 考核评价: indicators for any period and scope, composite score and grade; every figure drills to its cases. */
export function KpiPage() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const { choice, subject, period, setChoice, setSubject } = useKpiParams('unit');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [settings, setSettings] = useState<KpiSettingsView | null>(null);
  const [editing, setEditing] = useState(false);
  const { message } = App.useApp();
  // A city has thousands of grids: they come from the server a page at a time, sorted there.
  const [paging, setPaging] = useState<KpiPaging>(FIRST_PAGE);
  const periodKey = JSON.stringify(period);
  useEffect(() => setPaging(FIRST_PAGE), [periodKey, subject]);
  const paged = subject === 'grid';
  const [view, setView] = useState<'table' | 'map'>('table');
  const [changes, setChanges] = useState(true);
  const showMap = paged && view === 'map';
  // JSON.stringify(period) stands for period (a new object each render)
  const {
    data: result,
    loading,
    error,
    reload,
  } = useResource<KpiResult>(
    period
      ? (signal) =>
          kpiApi.indicators(
            {
              ...period,
              subject,
              compare: true,
              ...(paged
                ? {
                    page: paging.page,
                    pageSize: paging.pageSize,
                    ...(paging.sort ? { sort: paging.sort, order: paging.order } : {}),
                  }
                : {}),
            },
            signal,
          )
      : null,
    [periodKey, subject, paged ? JSON.stringify(paging) : ''],
  );

  const canManage = auth.can('kpi.manage');
  const openWeights = () => {
    kpiApi
      .settings()
      .then((s) => {
        setSettings(s);
        setEditing(true);
      })
      .catch((e: unknown) => void message.error(errorText(e, locale)));
  };

  const isPost = POST_SUBJECTS.includes(subject);
  return (
    <PageSection
      title={t('kpiWeb.title')}
      testId="page-kpi"
      extra={
        canManage ? (
          <Button icon={<SettingOutlined />} onClick={openWeights} data-testid="kpi-weights">
            {t('kpiWeb.weights.open')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center">
          <PeriodPicker value={choice} onChange={setChoice} testId="kpi-period" />
          {/* scrolls sideways on a phone instead of widening the page */}
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented<string>
              value={isPost ? 'post' : subject}
              onChange={(v) => setSubject(v === 'post' ? 'inspector' : (v as KpiSubject))}
              options={[...AREA_SUBJECTS, 'post'].map((s) => ({ value: s, label: t(`kpiWeb.subject.${s as 'unit'}`) }))}
              data-testid="kpi-subject"
            />
          </div>
          {paged ? (
            <Segmented<'table' | 'map'>
              value={view}
              onChange={setView}
              options={(['table', 'map'] as const).map((v) => ({ value: v, label: t(`kpiWeb.view.${v}`) }))}
              data-testid="kpi-view"
            />
          ) : null}
          {isPost ? (
            <Select<KpiSubject>
              value={subject}
              onChange={setSubject}
              options={POST_SUBJECTS.map((s) => ({ value: s, label: t(`kpiWeb.subject.${s as 'inspector'}`) }))}
              style={{ width: 120 }}
              data-testid="kpi-post"
            />
          ) : null}
          {!showMap ? (
            <Flex gap={6} align="center">
              <Switch size="small" checked={changes} onChange={setChanges} data-testid="kpi-changes" id="kpi-changes" />
              <label htmlFor="kpi-changes">{t('kpiWeb.compare.toggle')}</label>
            </Flex>
          ) : null}
        </Flex>
        {result ? (
          <Typography.Text type="secondary">
            {result.period.from} ~ {result.period.to} · {t('kpiWeb.drill.hint')}
          </Typography.Text>
        ) : null}
        {result ? <KpiCompareStrip result={result} /> : null}
        {error ? <LoadError error={error} onRetry={reload} testId="kpi" /> : null}
        {result && result.rows.length === 0 && !loading ? <Empty description={t('kpiWeb.noDataHint')} /> : null}
        {showMap && period ? <GridScoreMap period={period} /> : null}
        {result && period && !showMap ? (
          <KpiTable
            result={result}
            loading={loading}
            onDrill={setDrill}
            paging={paged ? paging : undefined}
            onPaging={paged ? setPaging : undefined}
            showChanges={changes}
          />
        ) : null}
      </Flex>
      {period ? (
        <DrillDrawer
          target={drill}
          subject={result?.subject ?? subject}
          period={period}
          onClose={() => setDrill(null)}
        />
      ) : null}
      {canManage ? (
        <WeightsEditor
          open={editing}
          initial={settings ? { weights: settings.weights, grades: settings.grades, options: settings.options } : null}
          onClose={() => setEditing(false)}
          onSave={async (s) => {
            await kpiApi.saveSettings(s);
            reload();
          }}
        />
      ) : null}
    </PageSection>
  );
}
