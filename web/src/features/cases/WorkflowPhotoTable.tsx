import { Switch, Table } from 'antd';
import type { PhotoRule } from '../../../../common/contracts/workflow-options.ts';
import { useI18n } from '../../i18n/context.ts';
import { majorLabel } from '../catalog/labels.ts';

const STEPS = ['verify', 'reportBack', 'checkPass', 'selfHandle'] as const;

/** Which steps must carry photos, per matter class (part of the workflow options; setting case.afterPhotos). */
export function WorkflowPhotoTable(props: {
  rows: PhotoRule[];
  disabled: boolean;
  onChange: (majorCode: string, patch: Partial<PhotoRule>) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<PhotoRule>
      size="small"
      rowKey="majorCode"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={props.rows}
      data-testid="workflow-photos"
      columns={[
        {
          key: 'class',
          title: t('catalog.afterPhotos.class'),
          render: (_, r) => `${r.majorCode} ${majorLabel(locale, 'matter', r.majorCode, '')}`.trim(),
        },
        ...STEPS.map((step) => ({
          key: step,
          title: t(`catalog.afterPhotos.${step}`),
          render: (_: unknown, r: PhotoRule) => (
            <Switch
              size="small"
              checked={r[step]}
              disabled={props.disabled}
              onChange={(on) => props.onChange(r.majorCode, { [step]: on })}
              data-testid={`workflow-photo-${step}-${r.majorCode}`}
            />
          ),
        })),
      ]}
    />
  );
}
