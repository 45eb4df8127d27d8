import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Tabs } from 'antd';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { SettingsCard } from './SettingsCard.tsx';
import { ZoneList } from './ZoneList.tsx';
import { ZoneMapTab } from './ZoneMapTab.tsx';
import { ylApi, type YellowLineFigures } from './yl.api.ts';

/** This year so far in the city's calendar (the server answers in the tenant's time zone). */
function thisYear(timeZone: string | undefined): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

function FigureCards({ reload }: { reload: number }) {
  const { t } = useI18n();
  const zone = useAuth().me?.user.tenantTimezone;
  const [f, setF] = useState<YellowLineFigures | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const { from, to } = thisYear(zone);
    ylApi.figures(from, to, controller.signal).then(setF, () => undefined);
    return () => controller.abort();
  }, [zone, reload]);
  const cards: [keyof YellowLineFigures, number | string | undefined][] = [
    ['zones', f?.zones],
    ['shops', f?.shops],
    ['stalls', f?.stalls],
    ['inspections', f?.inspections],
    ['passRate', f ? (f.passRate === null ? '—' : `${Number((f.passRate * 100).toFixed(1))}%`) : undefined],
    ['warnings', f?.warnings],
    ['suspensions', f?.suspensions],
    ['revocations', f?.revocations],
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="yl-figures">
      {cards.map(([key, value]) => (
        <Col key={key} xs={12} sm={8} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t(`yellowLine.figures.${key}`)} value={value ?? '…'} loading={!f} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 文明黄线: the figures of this year, the register, the map and the repeat rules. */
export function YellowLinePage() {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const changed = () => setReload((n) => n + 1);
  return (
    <PageSection title={t('yellowLine.title')} testId="page-yellow-line">
      <FigureCards reload={reload} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: t('yellowLine.tabs.list'), children: <ZoneList onChanged={changed} /> },
          { key: 'map', label: t('yellowLine.tabs.map'), children: <ZoneMapTab /> },
          { key: 'settings', label: t('yellowLine.tabs.settings'), children: <SettingsCard /> },
        ]}
      />
    </PageSection>
  );
}
