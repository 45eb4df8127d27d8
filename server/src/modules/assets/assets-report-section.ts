/**
 * The registers in the statistics report: one section per line (环卫, 园林, 市政, 排水, 渣土, 燃气) whose sentences
 * carry the period's figures from the daily logs and the 养护工单, e.g. 「2023年度，垃圾转运站共转运生活垃圾7012.4吨」,
 * with the line's totals and the figures of each of its asset types (asset-figures.ts). A line with assets on its
 * register has a section (its inventory and per-value counts, and a sentence saying the period has no logs or
 * finished orders when it has none); a line with no assets, logs or finished orders has none.
 */
import { ASSET_LINES, fromMilli, type AssetLine } from '../../../../common/domain/assets.ts';
import { formatFen } from '../../../../common/domain/enforcement-money.ts';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import type { Executor } from '../../platform/db.ts';
import { sectionFigures, type ReportContext, type ReportFigureSpec, type ReportSection } from '../reports/index.ts';
import { dimensionCounts, lineTypes, logFigureValue, typeFigureSpecs } from './asset-figures.ts';
import * as repo from './assets.repository.ts';
import * as stats from './asset-statistics.repository.ts';

/** The instant a calendar date begins in `timeZone` (the period's dates bound the orders' finishing instants). */
export function startOfDay(date: string, timeZone: string): string {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const local = Date.parse(`${zonedDateTime(new Date(utc), timeZone).replace(' ', 'T')}:00Z`);
  return new Date(utc - (local - utc)).toISOString();
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const oneDecimal = (v: number) => String(Math.round(v * 10) / 10);

/** The figures of a line's sentences, alike for the six (labels: `figures.assets.<name>` with the line's name). */
const QUANTITY_UNITS = { t: 'ton', h: 'hour', m: 'metre', m2: 'm2' } as const;
const lineFigures = (line: AssetLine): ReportFigureSpec[] =>
  [
    { name: 'assets', unit: 'count' as const },
    ...Object.entries(QUANTITY_UNITS).map(([u, unit]) => ({ name: `quantity${u.toUpperCase()}`, unit })),
    { name: 'workOrders', unit: 'count' as const },
    { name: 'lateWorkOrders', unit: 'count' as const },
    { name: 'workOrderCostFen', unit: 'wanYuan' as const },
  ].map((f) => ({
    ...f,
    path: '/data/assets',
    label: (t: (key: string, params?: Record<string, unknown>) => string) =>
      t(`figures.assets.${f.name}`, { line: t(`assets.lines.${line}`) }),
  }));

type Figures = Awaited<ReturnType<typeof figuresOf>>;

async function figuresOf(db: Executor, tenantId: string, from: string, to: string, timeZone: string) {
  const [start, end] = [startOfDay(from, timeZone), startOfDay(nextDay(to), timeZone)];
  const [logs, orders, counts, types, kinds] = await Promise.all([
    stats.logSums(db, tenantId, from, to),
    stats.workOrderFigures(db, tenantId, start, end),
    stats.assetCounts(db, tenantId),
    repo.allTypes(db, tenantId),
    stats.workOrderKindFigures(db, tenantId, start, end),
  ]);
  return { logs, orders, counts, types, kinds, dimensions: await dimensionCounts(db, tenantId, types) };
}

/** The figures of each type of the line, and the sentences of its dimensions and work kinds. */
function typeFigures(ctx: ReportContext, line: AssetLine, f: Figures) {
  const zh = ctx.locale === 'zh-CN';
  const sep = zh ? '、' : ', ';
  const types = lineTypes(f.types, line);
  const values: Record<string, number> = {};
  const paragraphs: string[] = [];
  for (const { type, slug, kinds, dimensions } of types) {
    const name = zh ? type.name_zh : type.name_en;
    const put = (n: string, v: number) => (values[`type.${slug}.${n}`] = v);
    put('count', Number(f.counts.find((c) => c.code === type.code)?.n ?? 0));
    for (const d of dimensions) {
      const counts = f.dimensions.get(type.id)?.get(d.name);
      const items = d.values.map((v) => ({ ...v, n: counts?.get(v.value) ?? 0 }));
      for (const v of items) put(`${d.slug}.${v.slug}`, v.n);
      if (items.some((v) => v.n))
        paragraphs.push(
          ctx.t('assets.report.byValue', {
            type: name,
            attribute: zh ? d.titleZh : d.titleEn,
            items: items.map((v) => ctx.t('assets.report.valueItem', { value: v.value, count: v.n })).join(sep),
          }),
        );
    }
    const log = f.logs.find((l) => l.type_id === type.id && l.unit === type.log_unit);
    if (type.log_unit) put(`log.${type.log_unit}`, logFigureValue(type.log_unit, fromMilli(Number(log?.milli ?? 0))));
    const orders = f.kinds.filter((k) => k.type_id === type.id);
    put(
      'orders.count',
      orders.reduce((s, k) => s + Number(k.done), 0),
    );
    put(
      'orders.costFen',
      orders.reduce((s, k) => s + Number(k.cost_fen), 0),
    );
    const done = kinds.map((k) => ({ ...k, row: orders.find((o) => o.kind === k.code) }));
    for (const k of done) {
      put(`orders.${k.slug}.count`, Number(k.row?.done ?? 0));
      put(`orders.${k.slug}.costFen`, Number(k.row?.cost_fen ?? 0));
    }
    if (done.some((k) => k.row))
      paragraphs.push(
        ctx.t('assets.report.kinds', {
          period: ctx.periodText,
          type: name,
          items: done
            .filter((k) => k.row)
            .map((k) =>
              ctx.t('assets.report.kindItem', {
                kind: zh ? k.nameZh : k.nameEn,
                count: Number(k.row?.done),
                cost: formatFen(Number(k.row?.cost_fen ?? 0)),
              }),
            )
            .join(sep),
        }),
      );
  }
  return { specs: typeFigureSpecs(types), values, paragraphs };
}

function buildLine(ctx: ReportContext, line: AssetLine, f: Figures) {
  const zh = ctx.locale === 'zh-CN';
  const name = (r: { name_zh: string; name_en: string }) => (zh ? r.name_zh : r.name_en);
  const logs = f.logs.filter((l) => l.line === line);
  const orders = f.orders.find((o) => o.line === line);
  const done = Number(orders?.done ?? 0);
  const counts = f.counts.filter((c) => c.line === line);
  const total = counts.reduce((s, c) => s + Number(c.n), 0);
  // a line with nothing on its register and nothing done in the period says nothing
  if (!logs.length && !done && !total) return null;
  const sep = zh ? '、' : ', ';
  const paragraphs: string[] = [];
  if (total)
    paragraphs.push(
      ctx.t('assets.report.inventory', {
        line: ctx.t(`assets.lines.${line}`),
        total,
        items: counts.map((c) => ctx.t('assets.report.item', { type: name(c), count: Number(c.n) })).join(sep),
      }),
    );
  for (const l of logs) {
    const quantity = fromMilli(Number(l.milli));
    const key =
      line === 'sanitation' && l.unit === 't' ? 'assets.report.log.sanitationTonnes' : `assets.report.log.${l.unit}`;
    paragraphs.push(
      ctx.t(key, { period: ctx.periodText, type: name(l), quantity: oneDecimal(quantity), assets: Number(l.assets) }),
    );
  }
  const values: Record<string, number> = {
    assets: total,
    workOrders: done,
    lateWorkOrders: Number(orders?.late ?? 0),
    workOrderCostFen: Number(orders?.cost_fen ?? 0),
  };
  for (const l of logs) {
    const name = `quantity${l.unit.toUpperCase()}`;
    values[name] = (values[name] ?? 0) + fromMilli(Number(l.milli));
  }
  const perType = typeFigures(ctx, line, f);
  paragraphs.push(...perType.paragraphs);
  // the register stands but the period has no logs and no finished orders: said, rather than left to silence
  if (!logs.length && !done)
    paragraphs.push(ctx.t('assets.report.noActivity', { period: ctx.periodText, line: ctx.t(`assets.lines.${line}`) }));
  if (done)
    paragraphs.push(
      ctx.t('assets.report.workOrders', {
        period: ctx.periodText,
        done,
        late: values.lateWorkOrders,
        cost: formatFen(values.workOrderCostFen ?? 0),
      }),
    );
  const col = (key: string, type: 'text' | 'int' | 'number') => ({
    key,
    title: ctx.t(`assets.report.cols.${key}`),
    type,
  });
  return {
    key: `assets.${line}`,
    title: ctx.t(`assets.report.title.${line}`),
    paragraphs,
    figures: sectionFigures(ctx, `assets.${line}`, [...lineFigures(line), ...perType.specs], {
      ...values,
      ...perType.values,
    }),
    tables: logs.length
      ? [
          {
            key: `assets.${line}.logs`,
            title: ctx.t('assets.report.logTable'),
            columns: [col('type', 'text'), col('assets', 'int'), col('quantity', 'number'), col('unit', 'text')],
            rows: logs.map((l) => ({
              type: name(l),
              assets: Number(l.assets),
              quantity: Math.round(fromMilli(Number(l.milli)) * 10) / 10,
              unit: ctx.t(`assets.logUnits.${l.unit}`),
            })),
          },
        ]
      : [],
  };
}

/** One ReportSection per line; the figures of a period are read once and shared by the six. */
export function assetReportSections(timeZone: string): ReportSection[] {
  const memo = new WeakMap<ReportContext, Promise<Figures>>();
  const figures = (ctx: ReportContext) => {
    let p = memo.get(ctx);
    if (!p) {
      p = figuresOf(ctx.db, ctx.tenantId, ctx.period.from, ctx.period.to, timeZone);
      memo.set(ctx, p);
    }
    return p;
  };
  return ASSET_LINES.map((line, i) => ({
    key: `assets.${line}`,
    order: 830 + i,
    figures: lineFigures(line),
    tenantFigures: async (db, tenantId) => typeFigureSpecs(lineTypes(await repo.allTypes(db, tenantId), line)),
    build: async (ctx) => buildLine(ctx, line, await figures(ctx)),
  }));
}
