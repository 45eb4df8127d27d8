import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PagedTable, type PagedTableProps } from './PagedTable.tsx';
import type { CrudList } from './useCrudList.ts';

export interface ListPageProps<T, F extends object> extends Omit<PagedTableProps<T, F>, 'filters' | 'reloadKey'> {
  /** From useCrudList: filters, form target, reloads. */
  list: CrudList<T, F>;
  /** The "New" button (primary, last in the toolbar); leave out when the user may not create. */
  createLabel?: string;
  /** The create/edit drawer or modal (and any other dialog of the page), driven by `list.target`. */
  children?: ReactNode;
}

/**
 * The console's one list page: a PagedTable (search, filters, sort, paging, empty and error states, Excel export)
 * wired to useCrudList, with a "New" button that opens the page's form and a reload after every change.
 */
export function ListPage<T extends object, F extends object>({
  list,
  createLabel,
  children,
  actions,
  ...table
}: ListPageProps<T, F>) {
  return (
    <>
      <PagedTable<T, F>
        {...table}
        filters={list.filters}
        reloadKey={list.reloadKey}
        actions={
          <>
            {actions}
            {createLabel ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={list.create}
                data-testid={`${table.testId}-create`}
              >
                {createLabel}
              </Button>
            ) : null}
          </>
        }
      />
      {children}
    </>
  );
}
