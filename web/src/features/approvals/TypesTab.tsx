import { useEffect, useState } from 'react';
import { Table, Tag } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { apApi, type ApprovalType } from './ap.api.ts';

/** The application types with their promised and statutory limits and their materials checklists. */
export function TypesTab() {
  const { t } = useI18n();
  const [types, setTypes] = useState<ApprovalType[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    apApi.types(abort.signal).then(
      (r) => setTypes(r.items),
      (e: unknown) => !abort.signal.aborted && setError(e),
    );
    return () => abort.abort();
  }, []);
  if (error) return <LoadError error={error} />;
  return (
    <Table<ApprovalType>
      data-testid="ap-types"
      size="small"
      loading={types === null}
      rowKey={(x) => x.id}
      dataSource={types ?? []}
      pagination={false}
      columns={[
        {
          title: t('approvals.field.type'),
          key: 'name',
          render: (_, x) => (
            <>
              {x.name} {x.hasRegister ? <Tag color="blue">{t('approvals.hasRegister')}</Tag> : null}
            </>
          ),
        },
        {
          title: t('approvals.field.promisedDays'),
          key: 'promised',
          render: (_, x) => t('approvals.days', { count: x.promisedDays }),
        },
        {
          title: t('approvals.field.statutoryDays'),
          key: 'statutory',
          render: (_, x) => t('approvals.days', { count: x.statutoryDays }),
        },
        {
          title: t('approvals.field.materials'),
          key: 'materials',
          render: (_, x) =>
            x.materials.map((m) => (
              <Tag key={m.code} color={m.required ? 'default' : undefined} bordered={m.required}>
                {m.name}
              </Tag>
            )),
        },
      ]}
    />
  );
}
