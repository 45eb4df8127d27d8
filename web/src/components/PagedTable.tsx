import { useState, type Key, type ReactNode } from 'react';
import { Button, Empty, Flex, Grid, Input, Table, type TableColumnsType, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/context.ts';
import { ExportButton } from './ExportButton.tsx';
import { LoadError } from './LoadError.tsx';
import { ColumnsCard } from './ColumnsCard.tsx';
import { PagedCards } from './PagedCards.tsx';
import { usePagedQuery, type FetchPage, type SortOrder } from './usePagedQuery.ts';

export interface PagedTableProps<T, F extends object> {
  /** Prefix of the data-testid attributes: `<id>-table`, `<id>-search`, `<id>-error`, `<id>-empty`, `<id>-export`. */
  testId: string;
  fetchPage: FetchPage<T, F>;
  filters: F;
  /** Sortable columns set `sorter: true` and a `key` equal to the server's sort key. */
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string;
  searchPlaceholder?: string;
  /** Filter controls shown after the search box. */
  toolbar?: ReactNode;
  /** Buttons on the right (e.g. "New"). */
  actions?: ReactNode;
  reloadKey?: number;
  defaultSort?: { sort: string; order: SortOrder };
  expandable?: TableProps<T>['expandable'];
  /**
   * An export route taking the list route's query (e.g. /api/exports/units.xlsx): adds an "Export Excel" button
   * that sends the table's current filters, search text and sort, so the workbook holds what the table shows.
   */
  exportPath?: string;
  /** The export button's text when the route is not a workbook (e.g. "CSV"); "Export Excel" otherwise. */
  exportLabel?: string;
  /** The search the table starts with, shown in its box (e.g. from a link to one record). */
  initialSearch?: string;
  /** Told the search text whenever a search is run or cleared (undefined when cleared), e.g. to widen the scope. */
  onSearch?: (q: string | undefined) => void;
  /**
   * On a narrow screen (below md), one card per row instead of the table's columns; without it, the columns
   * themselves make the card (ColumnsCard).
   */
  renderCard?: (row: T) => ReactNode;
}

/** A server-paged, searchable, sortable table with loading, empty, no-match and error states. */
export function PagedTable<T extends object, F extends object>(props: PagedTableProps<T, F>) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const query = usePagedQuery(props.fetchPage, {
    filters: props.filters,
    reloadKey: props.reloadKey,
    sort: props.defaultSort?.sort,
    order: props.defaultSort?.order,
    q: props.initialSearch,
  });
  const [text, setText] = useState(props.initialSearch ?? '');
  const { request, data, loading, error } = query;
  const exportQuery = { ...props.filters, q: request.q, sort: request.sort, order: request.order };

  const columns = props.columns.map((column) => {
    if (!column.sorter || column.key === undefined) return column;
    const active = request.sort === String(column.key);
    return { ...column, sortOrder: active && request.order ? (request.order === 'asc' ? 'ascend' : 'descend') : null };
  }) as TableColumnsType<T>;

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key: Key | undefined = s?.columnKey ?? undefined;
      const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
      query.setSort(key === undefined ? undefined : String(key), order);
    } else if (extra.action === 'paginate') {
      query.setPage(pagination.current ?? 1, pagination.pageSize ?? request.pageSize);
    }
  };

  const search = (q: string) => {
    query.search(q);
    props.onSearch?.(q.trim() || undefined);
  };
  const clearSearch = () => {
    setText('');
    search('');
  };

  const empty = error ? (
    <span />
  ) : request.q ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('common.noMatch', { q: request.q })}
      data-testid={`${props.testId}-empty`}
    >
      <Button onClick={clearSearch}>{t('common.clearSearch')}</Button>
    </Empty>
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('common.noData')}
      data-testid={`${props.testId}-empty`}
    />
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Flex wrap gap={8} style={{ flex: '1 1 auto' }}>
          <Input.Search
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value === '' && request.q) search('');
            }}
            onSearch={search}
            placeholder={props.searchPlaceholder ?? t('common.searchPlaceholder')}
            allowClear
            enterButton
            maxLength={100}
            style={{ width: narrow ? '100%' : 280 }}
            data-testid={`${props.testId}-search`}
          />
          {props.toolbar}
        </Flex>
        <Flex wrap gap={8}>
          <Button
            icon={<ReloadOutlined />}
            onClick={query.retry}
            aria-label={t('common.refresh')}
            data-testid={`${props.testId}-refresh`}
          />
          {props.exportPath ? (
            <ExportButton
              path={props.exportPath}
              query={exportQuery}
              testId={`${props.testId}-export`}
              {...(props.exportLabel ? { label: props.exportLabel } : {})}
            />
          ) : null}
          {props.actions}
        </Flex>
      </Flex>
      {error ? <LoadError error={error} onRetry={query.retry} testId={props.testId} /> : null}
      {narrow ? (
        <PagedCards<T>
          testId={props.testId}
          items={error ? [] : (data?.items ?? [])}
          rowKey={props.rowKey}
          renderCard={
            props.renderCard ?? ((row, index) => <ColumnsCard<T> columns={props.columns} row={row} index={index} />)
          }
          loading={loading}
          empty={loading && !data ? null : empty}
          page={request.page}
          pageSize={request.pageSize}
          total={data?.total ?? 0}
          onPage={(page, pageSize) => query.setPage(page, pageSize)}
        />
      ) : (
        <Table<T>
          data-testid={`${props.testId}-table`}
          rowKey={props.rowKey}
          columns={columns}
          dataSource={error ? [] : (data?.items ?? [])}
          loading={loading}
          size={narrow ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          onChange={onChange}
          expandable={props.expandable}
          locale={{ emptyText: loading && !data ? <span /> : empty }}
          showSorterTooltip={false}
          pagination={{
            current: request.page,
            pageSize: request.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: !narrow,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: narrow
              ? undefined
              : (total) => t(data?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
            size: narrow ? 'small' : undefined,
            hideOnSinglePage: false,
          }}
        />
      )}
    </Flex>
  );
}
