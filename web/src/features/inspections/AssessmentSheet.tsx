import { Button, Space, Table, Typography } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { inspectionsApi } from './inspections.api.ts';

/** The month's assessment sheet as the page shows it; print, or the same sheet as PDF and Excel (docs/inspections.md). */
export function AssessmentSheet({ contractId, month }: { contractId: string; month: string }) {
  const { t } = useI18n();
  const res = useResource((signal) => inspectionsApi.assessment(contractId, month, signal), [contractId, month]);
  const a = res.data;
  return (
    <div data-testid="assessment-sheet" className="printable">
      {a ? (
        <>
          <Typography.Title level={5}>
            {a.contract.name} · {a.month}
          </Typography.Title>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={a.deductions}
            columns={[
              { title: t('inspections.col.name'), render: (_, d) => t(`inspections.deduction.${d.kind}`) },
              { title: t('inspections.col.count'), dataIndex: 'count' },
              { title: t('inspections.col.points'), dataIndex: 'points' },
              { title: t('inspections.col.deducted'), dataIndex: 'deducted' },
            ]}
          />
          <Typography.Title level={4} data-testid="assessment-score">
            {t('inspections.score', { score: a.score, base: a.baseScore })}
          </Typography.Title>
          <Space>
            <Button onClick={() => window.print()}>{t('inspections.print')}</Button>
            <Button href={inspectionsApi.sheetUrl(contractId, month, 'pdf')}>{t('inspections.pdf')}</Button>
            <Button href={inspectionsApi.sheetUrl(contractId, month, 'xlsx')}>{t('inspections.xlsx')}</Button>
          </Space>
        </>
      ) : null}
    </div>
  );
}
