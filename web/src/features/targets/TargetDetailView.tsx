import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { DateItem } from '../illegal-construction/fields.tsx';
import { StatusTag, useMeasureText, useTargetText, useTargetTitle } from './target-format.tsx';
import { targetsApi, type TargetDetail } from './targets.api.ts';
import { PhotoThumbs } from '../../components/PhotoThumbs.tsx';

interface Values {
  value: number;
  reportedOn: string;
  note?: string;
  photoIds?: string[];
}

/** One target: its measure, progress to date by quarter, and (manual ones) the reports with their evidence. */
export function TargetDetailView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useI18n();
  const titleOf = useTargetTitle();
  const measure = useMeasureText();
  const targetText = useTargetText();
  const [target, setTarget] = useState<TargetDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const load = useCallback(
    (signal?: AbortSignal) =>
      targetsApi
        .get(id, signal)
        .then(setTarget)
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(e instanceof Error ? e.message : String(e));
        }),
    [id],
  );
  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    setTarget(
      await targetsApi.report(id, {
        value: v.value,
        reportedOn: v.reportedOn,
        note: v.note?.trim() || null,
        photoIds: v.photoIds ?? [],
      }),
    );
    setOpen(false);
    onChanged();
  });
  if (error) return <Alert type="error" message={error} />;
  if (!target) return <Spin />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="target-detail">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('targets.col.title')} span={2}>
          {target.code} {titleOf(target)}
        </Descriptions.Item>
        <Descriptions.Item label={t('targets.col.unit')}>{target.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('targets.col.dueOn')}>{target.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('targets.detail.source')} span={2}>
          {target.kind === 'figure'
            ? t('targets.detail.figureSource', { label: target.figureLabel ?? target.figureKey ?? '' })
            : t('targets.detail.manualSource')}
        </Descriptions.Item>
        <Descriptions.Item label={t('targets.col.target')}>{targetText(target)}</Descriptions.Item>
        <Descriptions.Item label={t('targets.col.value')}>
          {measure(target, target.value)}
          {target.asOf ? (
            <Typography.Text type="secondary"> （{t('targets.asOf', { date: target.asOf })}）</Typography.Text>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('targets.col.share')}>
          {target.share === null ? '—' : `${target.share}%`} · {t('targets.elapsed', { pct: target.elapsed })}
        </Descriptions.Item>
        <Descriptions.Item label={t('targets.col.status')}>
          <StatusTag status={target.status} />
        </Descriptions.Item>
        {target.notes ? (
          <Descriptions.Item label={t('targets.form.notes')} span={2}>
            {target.notes}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card size="small" title={t('targets.detail.progress')}>
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          {target.quarters.map((q) => (
            <Descriptions.Item key={q.quarter} label={t('targets.col.quarter', { n: q.quarter })}>
              {q.value === null ? t('targets.notStarted') : `${measure(target, q.value)}（${q.share ?? 0}%）`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {target.kind === 'manual' ? (
        <Card
          size="small"
          title={t('targets.progress.history')}
          extra={
            target.canReport ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
                data-testid="target-report-add"
              >
                {t('targets.progress.button')}
              </Button>
            ) : null
          }
        >
          <List
            size="small"
            dataSource={target.reports}
            locale={{ emptyText: t('targets.progress.none') }}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {r.reportedOn} · {measure(target, r.value)}
                  </Typography.Text>
                  {r.note ? <span>{r.note}</span> : null}
                  <PhotoThumbs ids={r.photoIds} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('targets.progress.by', { name: r.createdByName ?? '—' })} · {formatInstant(r.createdAt)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <FormModal
        open={open}
        title={t('targets.progress.title', { title: titleOf(target) })}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={submitting}
        testId="target-report-submit"
      >
        <Form<Values> form={form} layout="vertical" name="target-report" onFinish={(v) => void run(v)}>
          <Form.Item
            name="value"
            label={`${t('targets.progress.value')}${target.measureUnit ? `（${target.measureUnit}）` : ''}`}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="target-report-value" />
          </Form.Item>
          <DateItem name="reportedOn" label={t('targets.progress.reportedOn')} required testId="target-report-date" />
          <Form.Item name="note" label={t('targets.progress.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('targets.progress.photos')}>
            <PhotoUpload max={12} testId="target-report-photos" />
          </Form.Item>
        </Form>
      </FormModal>
    </Space>
  );
}
