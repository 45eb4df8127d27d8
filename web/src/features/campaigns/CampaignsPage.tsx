import { useState } from 'react';
import { Select, Space, Tabs } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { FigureCards, figureCard, percentText } from '../../components/FigureCards.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { cityToday } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { CampaignsTab } from './CampaignsTab.tsx';
import { cpApi } from './cp.api.ts';
import { ProblemsTab } from './ProblemsTab.tsx';
import { HonoursTab, PublicityTab, TopicsTab } from './RecordsTabs.tsx';

/** The figures of one year as cards: the same numbers the report's sentences carry (docs/campaigns.md, "Figures"). */
function FiguresBar({ year }: { year: number }) {
  const { t } = useI18n();
  const { data } = useResource((signal) => cpApi.figures(`${year}-01-01`, `${year}-12-31`, signal), [year]);
  const quantities = data?.campaigns.flatMap((c) => c.targets.filter((x) => x.reported > 0)) ?? [];
  const card = figureCard;
  return (
    <FigureCards
      testId="campaign-figures"
      perRow={8}
      cards={[
        card(
          'quantities',
          t('campaigns.kpi.quantities'),
          data?.campaigns.length ?? '—',
          quantities
            .slice(0, 3)
            .map((q) => `${q.name}${q.reported}${q.measure}`)
            .join(' · '),
        ),
        card(
          'tasks',
          t('campaigns.kpi.tasks'),
          percentText(data?.tasks.doneRate),
          `${data?.tasks.done ?? 0}/${data?.tasks.total ?? 0}`,
        ),
        card('overdue', t('campaigns.kpi.overdue'), data?.tasks.overdue ?? '—'),
        card(
          'inspection',
          t('campaigns.kpi.inspection'),
          percentText(data?.inspection.rate),
          data ? t('campaigns.kpi.itemsRectified', data.inspection) : undefined,
        ),
        card(
          'yixia',
          t('campaigns.kpi.yixiaSanmin'),
          data?.yixiaSanmin.items ?? '—',
          data ? t('campaigns.kpi.itemsRectified', data.yixiaSanmin) : undefined,
        ),
        card('topics', t('campaigns.kpi.topics'), data?.topics.total ?? '—'),
        card(
          'publicity',
          t('campaigns.kpi.publicity'),
          data ? `${data.publicity.provincialOrAbove}/${data.publicity.local}` : '—',
        ),
        card('honours', t('campaigns.kpi.honours'), data?.honours ?? '—'),
      ]}
    />
  );
}

/** 专项行动 (docs/campaigns.md): the year's figures, campaigns with tasks and quantities, problem lists and records. */
export function CampaignsPage() {
  const { t } = useI18n();
  const thisYear = Number(cityToday().slice(0, 4));
  // The year of the latest campaign until the user picks one, so the cards open on a year with data.
  const latest = useResource((signal) => cpApi.list({ pageSize: 1 }, signal), []);
  const [picked, setPicked] = useState<number | null>(null);
  const latestYear = Number(latest.data?.items[0]?.startDate.slice(0, 4) ?? thisYear);
  const year = picked ?? latestYear;
  return (
    <PageSection title={t('campaigns.title')} testId="page-campaigns">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          <span>{t('campaigns.kpi.year')}</span>
          <Select<number>
            value={year}
            onChange={setPicked}
            style={{ width: 100 }}
            options={Array.from({ length: 6 }, (_, d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
            data-testid="campaign-year"
          />
        </Space>
        <FiguresBar year={year} />
        <Tabs
          destroyOnHidden
          defaultActiveKey="campaigns"
          items={[
            { key: 'campaigns', label: t('campaigns.tabs.campaigns'), children: <CampaignsTab /> },
            { key: 'problems', label: t('campaigns.tabs.problems'), children: <ProblemsTab /> },
            { key: 'topics', label: t('campaigns.tabs.topics'), children: <TopicsTab /> },
            { key: 'honours', label: t('campaigns.tabs.honours'), children: <HonoursTab /> },
            { key: 'publicity', label: t('campaigns.tabs.publicity'), children: <PublicityTab /> },
          ]}
        />
      </Space>
    </PageSection>
  );
}
