import { useEffect, useState } from 'react';
import { App, Button, InputNumber, Space, Switch, Table, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { visionApi, type VisionClassSetting, type VisionSource } from './vision.api.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The false-positive rate per source and class, with the threshold in force and the suggested one (one click). */
export function RatesTable(props: { sources: VisionSource[]; mayManage: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  // reload when a source's thresholds change, not on every new array of the same sources
  const sourcesKey = props.sources.map((s) => `${s.id}:${s.version}`).join(',');
  const rates = useResource((signal) => visionApi.rates(signal), [sourcesKey]);

  const setThreshold = async (sourceId: string, cls: string, value: number) => {
    const source = props.sources.find((s) => s.id === sourceId);
    if (!source) return;
    try {
      await visionApi.updateSource(sourceId, {
        version: source.version,
        thresholds: { ...source.thresholds, [cls]: value },
      });
      void message.success(t('vision.sources.saved'));
      props.onChanged();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  type Row = NonNullable<typeof rates.data>['items'][number];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('vision.sources.ratesTitle', { days: rates.data?.windowDays ?? 30 })}
      </Typography.Title>
      <Table<Row>
        rowKey={(r) => `${r.sourceId}:${r.class}`}
        size="small"
        loading={rates.loading}
        dataSource={rates.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('vision.sources.none') }}
        data-testid="vision-rates"
        columns={[
          { title: t('vision.review.source'), dataIndex: 'sourceName' },
          { title: t('vision.sources.classesTitle'), render: (_, r) => t(`vision.class.${r.class}` as MessageKey) },
          { title: t('vision.sources.events'), dataIndex: 'events' },
          { title: t('vision.sources.reviewed'), dataIndex: 'reviewed' },
          { title: t('vision.sources.rejected'), dataIndex: 'rejected' },
          { title: t('vision.sources.fpRate'), render: (_, r) => pct(r.fpRate) },
          {
            title: t('vision.sources.sourceThreshold'),
            render: (_, r) =>
              props.mayManage ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={1}
                  step={0.01}
                  defaultValue={r.threshold}
                  onBlur={(e) => {
                    const v = Number(e.target.value);
                    if (Number.isFinite(v) && v !== r.threshold) void setThreshold(r.sourceId, r.class, v);
                  }}
                />
              ) : (
                r.threshold.toFixed(2)
              ),
          },
          {
            title: t('vision.sources.suggested'),
            render: (_, r) =>
              r.suggested === null ? (
                '—'
              ) : (
                <Space>
                  {r.suggested.toFixed(2)}
                  {props.mayManage && r.suggested !== r.threshold && (
                    <Button size="small" onClick={() => void setThreshold(r.sourceId, r.class, r.suggested!)}>
                      {t('vision.sources.apply')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

/** The tenant's classes: the matter each files under, the threshold and whether it files cases at all. */
export function ClassesTable(props: { mayManage: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const classes = useResource((signal) => visionApi.classes(signal), []);
  const [rows, setRows] = useState<VisionClassSetting[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRows(classes.data ?? []), [classes.data]);
  const patch = (cls: string, p: Partial<VisionClassSetting>) =>
    setRows((rs) => rs.map((r) => (r.class === cls ? { ...r, ...p } : r)));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await visionApi.putClasses({
        items: rows.map((r) => ({
          class: r.class,
          matterCode: r.matterCode,
          threshold: r.threshold,
          active: r.active,
        })),
      });
      classes.setData(saved);
      void message.success(t('vision.sources.saved'));
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('vision.sources.classesTitle')}
      </Typography.Title>
      <Table<VisionClassSetting>
        rowKey="class"
        size="small"
        loading={classes.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('vision.sources.classesTitle'), render: (_, r) => t(`vision.class.${r.class}` as MessageKey) },
          { title: t('vision.sources.matter'), render: (_, r) => `${r.matterCode} ${r.matterName ?? ''}` },
          {
            title: t('vision.sources.threshold'),
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                max={1}
                step={0.01}
                value={r.threshold}
                disabled={!props.mayManage}
                onChange={(v) => v !== null && patch(r.class, { threshold: v })}
              />
            ),
          },
          { title: t('vision.sources.defaultThreshold'), render: (_, r) => r.defaultThreshold.toFixed(2) },
          {
            title: t('vision.sources.fileCases'),
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.active}
                disabled={!props.mayManage}
                onChange={(active) => patch(r.class, { active })}
              />
            ),
          },
        ]}
      />
      {props.mayManage && (
        <Button style={{ marginTop: 8 }} loading={saving} onClick={() => void save()}>
          {t('vision.sources.saveClasses')}
        </Button>
      )}
    </>
  );
}
