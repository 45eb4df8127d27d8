import { useEffect, useState } from 'react';
import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import { StatusTag, useMeasureText, useTargetText, useTargetTitle } from './target-format.tsx';
import { targetsApi, type TargetView } from './targets.api.ts';

/** The quarterly view: per target the value at the end of Q1–Q4 (a quarter under way to today) and its share. */
export function TargetQuarterly(props: { year: number; reloadKey: number; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const titleOf = useTargetTitle();
  const measure = useMeasureText();
  const targetText = useTargetText();
  const [rows, setRows] = useState<TargetView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    setRows(null);
    targetsApi
      .list({ year: props.year, pageSize: 200, sort: 'code', order: 'asc' }, ctl.signal)
      .then((p) => setRows(p.items))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => ctl.abort();
  }, [props.year, props.reloadKey]);
  const columns: TableColumnsType<TargetView> = [
    {
      title: t('targets.col.title'),
      key: 'title',
      fixed: 'left',
      width: 220,
      render: (_, r) => (
        <Typography.Link onClick={() => props.onOpen(r.id)}>
          {r.code} {titleOf(r)}
        </Typography.Link>
      ),
    },
    { title: t('targets.col.target'), key: 'target', width: 130, render: (_, r) => targetText(r) },
    ...[0, 1, 2, 3].map((i) => ({
      title: t('targets.col.quarter', { n: i + 1 }),
      key: `q${i + 1}`,
      width: 120,
      render: (_: unknown, r: TargetView) => {
        const q = r.quarters[i];
        if (!q || q.value === null) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <span>
            {measure(r, q.value)}
            <br />
            <Typography.Text type="secondary">{q.share === null ? '' : `${q.share}%`}</Typography.Text>
          </span>
        );
      },
    })),
    { title: t('targets.col.status'), key: 'status', width: 90, render: (_, r) => <StatusTag status={r.status} /> },
  ];
  if (error) return <Alert type="error" message={error} />;
  return (
    <>
      <Table<TargetView>
        size="small"
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 820 }}
        data-testid="targets-quarterly"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('targets.rule')}
      </Typography.Paragraph>
    </>
  );
}
