import { Alert, Card, Col, Empty, Flex, Row, Statistic, Tabs, Tag, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { LINES, type Line } from '../../../../common/domain/lines.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useResource } from '../../api/use-resource.ts';
import { useAuth } from '../auth/context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { assetsApi } from '../assets/assets.api.ts';
import { DutyRoster } from './DutyRoster.tsx';
import { FloodPanel } from './FloodPanel.tsx';
import { LineItemsTable, yuan } from './LineItemsTable.tsx';
import { LINE_VEHICLE_KINDS, LineVehicles } from './LineVehicles.tsx';
import { linesApi } from './lines.api.ts';

/** The line of a path /lines/<line>. */
export const lineOfPath = (pathname: string): Line | undefined =>
  LINES.find((l) => pathname === `/lines/${l}` || pathname.startsWith(`/lines/${l}/`));

/**
 * The view of one business line (docs/lines.md), one component for all six: the line's key figures, the 排水 flood
 * panel, and a tab per asset type of the line (tenant data: a type added to the register is a new tab) with the
 * type's attributes and the line's figures as columns; 排水 adds its duty roster, 环卫 and 渣土 their GPS vehicles.
 */
export function LinePage() {
  const line = lineOfPath(useLocation().pathname) ?? 'sanitation';
  return <LineView key={line} line={line} />;
}

function LineView({ line }: { line: Line }) {
  const { t, locale } = useI18n();
  const canReadVehicles = useAuth().can('vehicle.read');
  const summary = useResource((signal) => linesApi.summary(line, signal), [line]);
  // every type: the line's own and the other lines' types it also shows (summary.shared, docs/lines.md)
  const types = useResource((signal) => assetsApi.types(undefined, signal), []);
  const s = summary.data;
  const typeName = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  const own = (types.data?.items ?? []).filter((type) => type.line === line);
  const shared = (s?.shared ?? []).flatMap((x) => types.data?.items.find((type) => type.code === x.code) ?? []);
  const tabs = [...own, ...shared].map((type) => {
    const figures = s?.types.find((x) => x.code === type.code) ?? s?.shared.find((x) => x.code === type.code);
    const owner = type.line === line ? null : t(`assets.lines.${type.line}`);
    return {
      key: type.code,
      label: (
        <span data-testid={`line-tab-${type.code}`}>
          {typeName(type)} <Tag style={{ marginInlineEnd: 0 }}>{figures?.count ?? type.assetCount}</Tag>
          {owner ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
              {t('lineViews.shared.tab', { line: owner })}
            </Typography.Text>
          ) : null}
        </span>
      ),
      children: (
        <Flex vertical gap={12}>
          {owner ? (
            <Alert
              type="info"
              showIcon
              data-testid="line-shared-note"
              title={t('lineViews.shared.note', { type: typeName(type), line: owner })}
            />
          ) : null}
          <LineItemsTable line={line} type={type} />
        </Flex>
      ),
    };
  });
  const vehicleKinds = LINE_VEHICLE_KINDS[line];
  if (vehicleKinds && canReadVehicles)
    tabs.push({
      key: 'vehicles',
      label: <span data-testid="line-tab-vehicles">{t('lineViews.vehicles.tab')}</span>,
      children: <LineVehicles kinds={vehicleKinds} />,
    });
  if (line === 'drainage')
    tabs.push({
      key: 'duty',
      label: <span data-testid="line-tab-duty">{t('lineViews.duty.tab')}</span>,
      children: <DutyRoster />,
    });
  const error = summary.error ?? types.error;

  return (
    <PageSection
      title={t(`lineViews.group.${line}`)}
      testId={`page-line-${line}`}
      extra={<Link to="/data/assets">{t('lineViews.registerLink')}</Link>}
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t(`lineViews.intro.${line}`)}</Typography.Text>
        {error && !s ? <LoadError error={error} onRetry={() => (summary.reload(), types.reload())} /> : null}
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('lineViews.figures.assets')} value={s?.assets ?? '—'} data-testid="line-assets" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('lineViews.figures.openOrders')} value={s?.openOrders ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('lineViews.figures.monthDone')} value={s?.monthOrdersDone ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('lineViews.figures.monthSpend')}
                value={s ? t('lineViews.yuan', { value: yuan(s.monthSpendFen) }) : '—'}
              />
            </Card>
          </Col>
        </Row>
        {s && s.types.some((x) => x.logUnit) ? (
          <Flex wrap gap={8} data-testid="line-month-quantities">
            {s.types
              .filter((x) => x.logUnit)
              .map((x) => (
                <Tag key={x.code} color="blue">
                  {typeName(x)} · {t('lineViews.figures.monthQuantity', { unit: t(`assets.logUnits.${x.logUnit!}`) })}{' '}
                  {decimalText(x.monthQuantity)}
                </Tag>
              ))}
          </Flex>
        ) : null}
        {s?.flood ? <FloodPanel flood={s.flood} /> : null}
        {types.data && s && own.length + shared.length === 0 ? (
          <Alert type="info" showIcon title={t('lineViews.noTypes')} />
        ) : null}
        {/* only once the types are known, so the first tab (not the roster) is the one opened */}
        {!types.data || !s ? null : tabs.length ? (
          <Tabs items={tabs} destroyOnHidden data-testid="line-tabs" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Flex>
    </PageSection>
  );
}
