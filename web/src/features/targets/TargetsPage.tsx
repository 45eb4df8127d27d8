import { useState } from 'react';
import { Drawer, InputNumber, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { TargetDetailView } from './TargetDetailView.tsx';
import { TargetList } from './TargetList.tsx';
import { TargetQuarterly } from './TargetQuarterly.tsx';

/**
 * 目标任务 (docs/targets.md): a year's plan targets as a list and as the quarterly view; a target opens beside.
 * `?year=2024` picks the year, `?open=<id>` opens a target, so the report's drill-down and other pages link here.
 */
export function TargetsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const fromAddress = Number(params.get('year') ?? params.get('from')?.slice(0, 4));
  const [year, setYear] = useState<number>(
    Number.isInteger(fromAddress) && fromAddress >= 2000 ? fromAddress : new Date().getFullYear(),
  );
  const [openId, setOpenId] = useState<string | null>(params.get('open'));
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((c) => c + 1);
  return (
    <PageSection
      title={t('targets.title')}
      testId="page-targets"
      extra={
        <Space>
          <span>{t('targets.filter.year')}</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              if (!v) return;
              setYear(v);
              setParams((p) => {
                p.set('year', String(v));
                return p;
              });
            }}
            data-testid="targets-year"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('targets.subtitle')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: t('targets.view.list'),
            children: <TargetList year={year} onOpen={setOpenId} reloadKey={changes} onChanged={changed} />,
          },
          {
            key: 'quarterly',
            label: t('targets.view.quarterly'),
            children: <TargetQuarterly year={year} reloadKey={changes} onOpen={setOpenId} />,
          },
        ]}
      />
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        width="min(860px, 100vw)"
        destroyOnHidden
        title={t('targets.title')}
      >
        {openId ? <TargetDetailView id={openId} onChanged={changed} /> : null}
      </Drawer>
    </PageSection>
  );
}
