import { Table, Typography } from 'antd';
import type { ReportTable } from '../../../../common/contracts/reports.ts';
import { decimalText, percentText } from '../../../../common/domain/number-format.ts';

type Cell = string | number | null;

export function formatReportCell(type: string, value: Cell | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (type === 'percent') return percentText(value);
    if (type === 'number') return Number.isInteger(value) ? String(value) : decimalText(value);
  }
  return String(value);
}

/** One table of the report as on paper: the server's columns and rows, percentages with %. */
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
          render: (_: unknown, row: Record<string, Cell>) => formatReportCell(c.type, row[c.key]),
        }))}
        style={{ marginTop: 6 }}
      />
    </div>
  );
}
