import { useState } from 'react';
import { Select, Space, Tabs } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { FigureCards, figureCard, percentText } from '../../components/FigureCards.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { cityToday } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ChecksTab } from './ChecksTab.tsx';
import { gasApi } from './gas.api.ts';
import { HazardsTab } from './HazardsTab.tsx';
import { InstallsTab } from './InstallsTab.tsx';

/** The year's figures as cards: the numbers of the report's 燃气安全 sentences (docs/gas-safety.md, "Figures"). */
function FiguresBar({ year }: { year: number }) {
  const { t } = useI18n();
  const { data } = useResource((signal) => gasApi.figures(`${year}-01-01`, `${year}-12-31`, signal), [year]);
  const card = figureCard;
  return (
    <FigureCards
      testId="gas-figures"
      cards={[
        card(
          'checks',
          t('gasSafety.kpi.checks'),
          data?.checks ?? '—',
          data ? t('gasSafety.kpi.superiorChecks', { n: data.superiorChecks }) : undefined,
        ),
        card(
          'hazards',
          t('gasSafety.kpi.hazards'),
          data ? `${data.hazardsClosed}/${data.hazards}` : '—',
          data
            ? t('gasSafety.kpi.superiorHazards', { closed: data.superiorClosed, n: data.superiorHazards })
            : undefined,
        ),
        card('rate', t('gasSafety.kpi.rectifyRate'), percentText(data?.rectifyRate)),
        card('overdue', t('gasSafety.kpi.overdue'), data?.overdue ?? '—'),
        card(
          'pipeline',
          t('gasSafety.kpi.pipeline'),
          percentText(data?.pipelineUsers.pct),
          data ? t('gasSafety.kpi.users', data.pipelineUsers) : undefined,
        ),
        card(
          'lpg',
          t('gasSafety.kpi.lpg'),
          percentText(data?.lpgUsers.pct),
          data ? t('gasSafety.kpi.users', data.lpgUsers) : undefined,
        ),
      ]}
    />
  );
}

/** 燃气安全 (docs/gas-safety.md): the year's figures, hazards with their rectification, checks and the 三件套. */
export function GasSafetyPage() {
  const { t } = useI18n();
  const wholeCity = useAuth().can('assets.read');
  const thisYear = Number(cityToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  return (
    <PageSection title={t('gasSafety.title')} testId="page-gas-safety">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          <span>{t('gasSafety.year')}</span>
          <Select<number>
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={Array.from({ length: 6 }, (_, d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
            data-testid="gas-year"
          />
        </Space>
        {wholeCity ? <FiguresBar year={year} /> : null}
        <Tabs
          destroyOnHidden
          defaultActiveKey="hazards"
          items={[
            { key: 'hazards', label: t('gasSafety.tabs.hazards'), children: <HazardsTab year={year} /> },
            { key: 'checks', label: t('gasSafety.tabs.checks'), children: <ChecksTab year={year} /> },
            { key: 'installs', label: t('gasSafety.tabs.installs'), children: <InstallsTab year={year} /> },
          ]}
        />
      </Space>
    </PageSection>
  );
}
