import { Table, Typography } from 'antd';
import type { ReportTable } from '../../../../common/contracts/reports.ts';
import { decimalText, percentText } from '../../../../common/domain/number-format.ts';
import { useI18n } from '../../i18n/context.ts';

type Cell = string | number | null;

export function formatReportCell(type: string, value: Cell | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (type === 'percent') return percentText(value);
    if (type === 'number') return Number.isInteger(value) ? String(value) : decimalText(value);
  }
  return String(value);
}

/** A figure's 环比 and 同比 in small type under it, as the printed report has them. */
function Changes({ row, column }: { row: Record<string, Cell>; column: string }) {
  const { t, locale } = useI18n();
  const sep = locale === 'zh-CN' ? '' : ' ';
  return (
    <div style={{ fontSize: 11, lineHeight: 1.3, whiteSpace: 'nowrap' }} data-testid="report-changes">
      {(['previousChange', 'lastYearChange'] as const).map((which) => (
        <Typography.Text key={which} type="secondary" style={{ fontSize: 11, display: 'block' }}>
          {t(`analysis.report.cols.${which}`)}
          {sep}
          {formatReportCell('text', row[`${column}:${which}`])}
        </Typography.Text>
      ))}
    </div>
  );
}

/** One table of the report as on paper: the server's columns and rows, percentages with %, changes under figures. */
export function ReportTableView({ table }: { table: ReportTable }) {
  return (
    <div style={{ marginBottom: 16 }} data-testid={`report-table-${table.key}`}>
      <Typography.Text strong>{table.title}</Typography.Text>
      <Table<Record<string, Cell>>
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(_, i) => String(i)}
        dataSource={table.rows}
        columns={table.columns.map((c) => ({
          title: c.title,
          key: c.key,
          align: c.type === 'text' ? 'left' : 'right',
          render: (_: unknown, row: Record<string, Cell>) =>
            c.changes ? (
              <>
                {formatReportCell(c.type, row[c.key])}
                <Changes row={row} column={c.key} />
              </>
            ) : (
              formatReportCell(c.type, row[c.key])
            ),
        }))}
        style={{ marginTop: 6 }}
      />
    </div>
  );
}
