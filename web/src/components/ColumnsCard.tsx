import type { ReactNode } from 'react';
import { Flex, Typography, type TableColumnsType } from 'antd';

/** The parts of a table column the card reads. */
interface Column<T> {
  key?: unknown;
  title?: unknown;
  hidden?: boolean;
  children?: unknown;
  dataIndex?: string | number | readonly (string | number)[];
  render?: (value: unknown, row: T, index: number) => unknown;
}

function valueAt(row: object, path: Column<object>['dataIndex']): unknown {
  if (path === undefined) return undefined;
  const keys: readonly (string | number)[] = typeof path === 'object' ? path : [path];
  let v: unknown = row;
  for (const k of keys) v = v == null ? undefined : (v as Record<string | number, unknown>)[k];
  return v;
}

function cell<T extends object>(column: Column<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, column.dataIndex);
  const out = column.render ? column.render(value, row, index) : value;
  // a renderer may answer { children, props } to span cells; the card shows the children
  const shown = out !== null && typeof out === 'object' && 'props' in out && 'children' in out ? out.children : out;
  return shown == null || shown === '' ? '—' : (shown as ReactNode);
}

/**
 * The card a paged list shows on a narrow screen when it has no card of its own: the first column as the heading
 * and each other column as "title: value", rendered by the column's own renderer, so no list needs a second
 * definition of its fields to stay readable on a phone.
 */
export function ColumnsCard<T extends object>({
  columns,
  row,
  index,
}: {
  columns: TableColumnsType<T>;
  row: T;
  index: number;
}) {
  const cols = (columns as unknown as readonly Column<T>[]).filter((c) => !c.children && c.hidden !== true);
  const [head, ...rest] = cols;
  if (!head) return null;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{cell(head, row, index)}</Typography.Text>
      {rest.map((c, i) => {
        const title = typeof c.title === 'function' ? null : (c.title as ReactNode);
        return (
          <Flex key={String(c.key ?? i)} gap={8} wrap>
            {title ? <Typography.Text type="secondary">{title}</Typography.Text> : null}
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{cell(c, row, index)}</span>
          </Flex>
        );
      })}
    </Flex>
  );
}
