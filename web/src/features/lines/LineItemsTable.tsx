import { useCallback } from 'react';
import { Tag, Typography, type TableColumnsType } from 'antd';
import type { AssetType } from '../../../../common/contracts/assets.ts';
import { FLOOD_POINT_TYPE, SENSOR_ATTRIBUTE, type Line } from '../../../../common/domain/lines.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { attributeTitle } from '../assets/AttributeSchemaForm.tsx';
import { linesApi, type LineItem } from './lines.api.ts';

const STATUS_COLORS = { active: 'green', maintenance: 'orange', retired: 'default' } as const;
/** Beyond this many attributes a type's table gets too wide; the rest stay in the register's page. */
const MAX_ATTRIBUTE_COLUMNS = 6;

export const yuan = (fen: number) => decimalText(Math.round(fen) / 100);

/** Whether a type's assets show a live water level: the 易涝点 type, or any type whose schema names a sensor. */
export const showsLevel = (type: AssetType) =>
  type.code === FLOOD_POINT_TYPE || SENSOR_ATTRIBUTE in type.attributeSchema.properties;

/**
 * One asset type of a line as a table: the register's code, name and status, the type's own attributes as columns
 * (from its schema, so a new attribute is a new column), and the line figures that apply to it: this month's log
 * where the type keeps one, the maintenance spend and open orders, the live level where a sensor can be bound.
 */
export function LineItemsTable({ line, type }: { line: Line; type: AssetType }) {
  const { t, locale } = useI18n();
  const fetchPage: FetchPage<LineItem, { typeCode: string }> = useCallback(
    (request, signal) => linesApi.items(line, { ...request }, signal),
    [line],
  );
  const attributes = Object.entries(type.attributeSchema.properties)
    .filter(([name]) => name !== SENSOR_ATTRIBUTE)
    .slice(0, MAX_ATTRIBUTE_COLUMNS);
  const columns: TableColumnsType<LineItem> = [
    { title: t('lineViews.column.code'), dataIndex: 'code', key: 'code', sorter: true, width: 120 },
    { title: t('lineViews.column.name'), dataIndex: 'name', key: 'name', sorter: true },
    {
      title: t('lineViews.column.status'),
      key: 'status',
      width: 90,
      render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`assets.statuses.${a.status}`)}</Tag>,
    },
    ...attributes.map(([name, p]) => ({
      title: `${attributeTitle(p, locale)}${p.unit ? `（${p.unit}）` : ''}`,
      key: `attr-${name}`,
      render: (_: unknown, a: LineItem) => {
        const v = a.attributes[name];
        if (v === undefined || v === null || v === '') return '—';
        if (typeof v === 'boolean') return v ? t('assets.yes') : t('assets.no');
        if (typeof v !== 'number') return String(v);
        return p.type === 'integer' ? String(v) : decimalText(v);
      },
    })),
  ];
  if (type.logUnit)
    columns.push({
      title: `${t('lineViews.column.monthQuantity')}（${t(`assets.logUnits.${type.logUnit}`)}）`,
      key: 'monthQuantity',
      align: 'right',
      render: (_, a) => <span data-testid="line-month-quantity">{decimalText(a.figures.monthQuantity)}</span>,
    });
  if (showsLevel(type))
    columns.push({
      title: t('lineViews.column.water'),
      key: 'water',
      render: (_, a) => <WaterLevel item={a} />,
    });
  columns.push(
    {
      title: t('lineViews.column.spend'),
      key: 'spend',
      align: 'right',
      render: (_, a) => t('lineViews.yuan', { value: yuan(a.figures.spendFen) }),
    },
    {
      title: t('lineViews.column.openOrders'),
      key: 'openOrders',
      align: 'right',
      render: (_, a) => (a.figures.openOrders ? <Tag color="orange">{a.figures.openOrders}</Tag> : 0),
    },
  );
  return (
    <PagedTable<LineItem, { typeCode: string }>
      testId={`line-items-${type.code}`}
      fetchPage={fetchPage}
      filters={{ typeCode: type.code }}
      columns={columns}
      rowKey={(a) => a.id}
      searchPlaceholder={t('lineViews.column.name')}
      defaultSort={{ sort: 'code', order: 'asc' }}
      renderCard={(a) => (
        <div>
          <Typography.Text strong>{a.name}</Typography.Text>{' '}
          <Tag color={STATUS_COLORS[a.status]}>{t(`assets.statuses.${a.status}`)}</Tag>
          <div style={{ color: '#888', fontSize: 12 }}>
            {a.code}
            {type.logUnit
              ? ` · ${t('lineViews.column.monthQuantity')} ${decimalText(a.figures.monthQuantity)} ${t(`assets.logUnits.${type.logUnit}`)}`
              : ''}
            {` · ${t('lineViews.column.spend')} ${t('lineViews.yuan', { value: yuan(a.figures.spendFen) })}`}
          </div>
          {showsLevel(type) ? <WaterLevel item={a} /> : null}
        </div>
      )}
    />
  );
}

function WaterLevel({ item }: { item: LineItem }) {
  const { t } = useI18n();
  const { waterCm, readAt } = item.figures;
  if (waterCm === null) return <Typography.Text type="secondary">{t('lineViews.noSensor')}</Typography.Text>;
  const threshold = typeof item.attributes.thresholdCm === 'number' ? item.attributes.thresholdCm : null;
  const over = threshold !== null && waterCm >= threshold;
  return (
    <span data-testid="line-water-level">
      <Tag color={over ? 'red' : 'blue'}>
        {decimalText(waterCm)} cm{over ? ` · ${t('lineViews.overThreshold')}` : ''}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatInstant(readAt)}
      </Typography.Text>
    </span>
  );
}
