import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Form, Image, Input, Select, Space, Table, Tag } from 'antd';
import { INSPECTION_RESULTS, type InspectionResult } from '../../../../common/domain/yellow-line.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { DateItem } from '../illegal-construction/fields.tsx';
import { STATE_COLORS, ylApi, type ZoneDetail } from './yl.api.ts';

interface InspectValues {
  inspectedOn: string;
  result: InspectionResult;
  note?: string;
  photoIds?: string[];
}

function InspectModal(props: { zone: ZoneDetail | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<InspectValues>();
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: InspectValues) => {
    if (!props.zone) return;
    await ylApi.inspect(props.zone.id, {
      inspectedOn: v.inspectedOn,
      result: v.result,
      note: v.note?.trim() || null,
      photoIds: v.photoIds ?? [],
    });
    props.onSaved();
  });
  return (
    <FormModal
      open={props.open}
      title={`${t('yellowLine.inspection.create')}：${props.zone?.holderName ?? ''}`}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="yl-inspect-submit"
    >
      <Form<InspectValues> form={form} layout="vertical" name="yl-inspect" onFinish={(v) => void run(v)}>
        <DateItem name="inspectedOn" label={t('yellowLine.inspection.inspectedOn')} required testId="yl-inspect-date" />
        <Form.Item
          name="result"
          label={t('yellowLine.inspection.result')}
          initialValue="pass"
          rules={[{ required: true }]}
        >
          <Select
            data-testid="yl-inspect-result"
            options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`yellowLine.result.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('yellowLine.inspection.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="photoIds" label={t('yellowLine.inspection.photos')}>
          <PhotoUpload testId="yl-inspect-photos" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** One 黄线: holder, goods, hours, permit and its inspections; inspectors record a new one here. */
export function ZoneDrawer(props: {
  id: string | null;
  onClose: () => void;
  onEdit: (z: ZoneDetail) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const auth = useAuth();
  const [zone, setZone] = useState<ZoneDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [inspecting, setInspecting] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (!props.id) return undefined;
    const controller = new AbortController();
    setError(null);
    ylApi.zone(props.id, controller.signal).then(setZone, (e: unknown) => !controller.signal.aborted && setError(e));
    return () => controller.abort();
  }, [props.id, reload]);
  const z = zone && zone.id === props.id ? zone : null;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      width={640}
      title={z ? `${z.zoneNo} ${z.holderName}` : t('yellowLine.detail')}
      extra={
        z ? (
          <Space>
            {auth.can('yellowline.manage') && z.status !== 'revoked' ? (
              <Button onClick={() => props.onEdit(z)} data-testid="yl-zone-edit">
                {t('yellowLine.edit')}
              </Button>
            ) : null}
            {auth.can('yellowline.inspect') && z.status !== 'revoked' ? (
              <Button type="primary" onClick={() => setInspecting(true)} data-testid="yl-zone-inspect">
                {t('yellowLine.inspection.create')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {error ? <LoadError error={error} onRetry={() => setReload((n) => n + 1)} /> : null}
      {z ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('yellowLine.field.holderKind')}>
              {t(`yellowLine.kind.${z.holderKind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.address')}>{z.address}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.region')}>{z.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.goods')}>{z.goods.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.hours')}>{`${z.hoursFrom}–${z.hoursTo}`}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.validity')}>
              {`${z.validFrom} ~ ${z.validTo}`}{' '}
              <Tag color={STATE_COLORS[z.permitState]}>{t(`yellowLine.permitState.${z.permitState}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.warnings')}>{z.warnings}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.contactName')}>{z.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('yellowLine.field.contactPhone')}>{z.contactPhone ?? '—'}</Descriptions.Item>
            {z.approvalId ? (
              <Descriptions.Item label={t('yellowLine.field.approval')}>{z.approvalId}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {z.status === 'revoked' ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} message={t('yellowLine.inspection.revoked')} />
          ) : null}
          <h4 style={{ marginTop: 16 }}>{t('yellowLine.inspection.title')}</h4>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={z.inspections}
            locale={{ emptyText: <Empty description={t('yellowLine.inspection.none')} /> }}
            columns={[
              { title: t('yellowLine.inspection.inspectedOn'), dataIndex: 'inspectedOn' },
              {
                title: t('yellowLine.inspection.result'),
                render: (_, i) => (
                  <Tag color={i.result === 'pass' ? 'green' : 'red'}>{t(`yellowLine.result.${i.result}`)}</Tag>
                ),
              },
              { title: t('yellowLine.inspection.action'), render: (_, i) => t(`yellowLine.action.${i.action}`) },
              { title: t('yellowLine.inspection.inspector'), render: (_, i) => i.inspector ?? '—' },
              { title: t('yellowLine.inspection.note'), render: (_, i) => i.note ?? '—' },
              {
                title: t('yellowLine.inspection.photos'),
                render: (_, i) => (
                  <Image.PreviewGroup>
                    {i.photos.map((p) => (
                      <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} width={40} height={40} />
                    ))}
                  </Image.PreviewGroup>
                ),
              },
            ]}
          />
        </>
      ) : null}
      <InspectModal
        zone={z}
        open={inspecting}
        onClose={() => setInspecting(false)}
        onSaved={() => {
          setInspecting(false);
          setReload((n) => n + 1);
          props.onChanged();
        }}
      />
    </Drawer>
  );
}
