import { useState } from 'react';
import { Button, Empty, Flex, Input, List, Modal, Segmented, Select, Skeleton, Typography } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { yearbookApi, type ReportFigure } from './yearbook.api.ts';
import { figureMatches, periodOf, placeholder, type PeriodKind } from './yearbook-prose.ts';

interface Props {
  open: boolean;
  year: number;
  onClose: () => void;
  /** the placeholder to put at the cursor, `{{key|period}}` */
  onInsert: (token: string) => void;
}

const KINDS: PeriodKind[] = ['year', 'quarter', 'month'];

/** The insert menu: every figure the report declares, found by label or key, bound to a year, quarter or month. */
export function FigurePicker({ open, year, onClose, onInsert }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<PeriodKind>('year');
  const [n, setN] = useState(1);
  const { data, loading, error, reload } = useResource<ReportFigure[]>(
    open ? (signal) => yearbookApi.figures(year, locale, signal) : null,
    [open, year, locale],
  );
  const shown = (data ?? []).filter((f) => figureMatches(f, q));
  const count = kind === 'quarter' ? 4 : 12;
  const period = periodOf(year, kind, Math.min(n, count));

  return (
    <Modal
      open={open}
      title={t('yearbook.insert.title')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
      data-testid="figure-picker"
    >
      <Flex vertical gap={12}>
        <Input.Search
          allowClear
          autoFocus
          placeholder={t('yearbook.insert.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="figure-search"
        />
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('yearbook.insert.period')}</Typography.Text>
          <Segmented
            value={kind}
            onChange={(v) => setKind(v)}
            options={KINDS.map((k) => ({ value: k, label: t(`yearbook.insert.kinds.${k}`) }))}
            data-testid="figure-period-kind"
          />
          {kind !== 'year' ? (
            <Select
              value={Math.min(n, count)}
              onChange={setN}
              style={{ width: 120 }}
              data-testid="figure-period-n"
              options={Array.from({ length: count }, (_, i) => ({
                value: i + 1,
                label: t(kind === 'quarter' ? 'yearbook.insert.quarter' : 'yearbook.insert.month', { n: i + 1 }),
              }))}
            />
          ) : null}
          <Typography.Text code>{period}</Typography.Text>
        </Flex>
        {error ? <LoadError error={error} onRetry={reload} testId="figure-picker" /> : null}
        {loading && !data ? <Skeleton active /> : null}
        {data && !shown.length ? <Empty description={t('yearbook.insert.none')} /> : null}
        {shown.length ? (
          <List
            size="small"
            style={{ maxHeight: 360, overflowY: 'auto' }}
            dataSource={shown}
            renderItem={(f) => (
              <List.Item
                key={f.key}
                actions={[
                  <Button
                    key="insert"
                    size="small"
                    type="primary"
                    onClick={() => onInsert(placeholder(f.key, period))}
                    data-testid={`figure-option-${f.key}`}
                  >
                    {t('yearbook.insert.insert')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={f.label}
                  description={
                    <Flex gap={8} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {f.key}
                      </Typography.Text>
                      <Typography.Text style={{ fontSize: 12 }}>
                        {t('yearbook.insert.valueNow', { year, text: f.text })}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
