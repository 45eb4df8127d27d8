import type { ReactNode } from 'react';
import { Card, Flex, Pagination, Spin } from 'antd';

interface Props<T> {
  testId: string;
  items: T[];
  rowKey: (row: T) => string;
  renderCard: (row: T, index: number) => ReactNode;
  loading: boolean;
  empty: ReactNode;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number, pageSize: number) => void;
}

/**
 * The narrow-screen form of a paged table: one card per row, stacked, so a phone never scrolls sideways through
 * columns. The same page, filters and sort as the table it stands in for.
 */
export function PagedCards<T>(props: Props<T>) {
  return (
    <Spin spinning={props.loading}>
      <Flex vertical gap={8} data-testid={`${props.testId}-cards`}>
        {props.items.length === 0 && !props.loading ? props.empty : null}
        {props.items.map((row, index) => (
          <Card key={props.rowKey(row)} size="small" styles={{ body: { padding: 12 } }}>
            {props.renderCard(row, index)}
          </Card>
        ))}
        <Pagination
          simple
          align="center"
          current={props.page}
          pageSize={props.pageSize}
          total={props.total}
          onChange={props.onPage}
          hideOnSinglePage
        />
      </Flex>
    </Spin>
  );
}
