import { fenOfYuan, formatFen } from '../../../../common/domain/enforcement-money.ts';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  App,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { QUANTITY_UNITS, type QuantityUnit, type WorkOrderState } from '../../../../common/domain/assets.ts';
import { errorText, toFormFieldErrors, type FormFieldError } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PhotoThumbs } from '../../components/PhotoThumbs.tsx';
import { formatInstant } from '../../components/format.ts';
import { useI18n, type Translate } from '../../i18n/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { projectsApi } from '../projects/projects.api.ts';
import { assetsApi, type WorkOrder } from './assets.api.ts';

export const STATE_COLORS: Record<WorkOrderState, string> = {
  open: 'default',
  in_progress: 'processing',
  done: 'success',
  accepted: 'green',
};

/** 元 in the form, fen on the wire: the server refuses a cost on `body.costFen`, which is the form's costYuan. */
export const toFen = (yuan: number | null | undefined) =>
  yuan === undefined || yuan === null ? null : fenOfYuan(yuan);

/**
 * The server's field details put on the order forms' fields: the cost is entered in 元 (costYuan), and a refused
 * photo (`body.afterPhotoIds.2`) belongs to the upload field as a whole.
 */
export function orderFieldErrors(error: unknown, locale: Parameters<typeof toFormFieldErrors>[1]): FormFieldError[] {
  const byName = new Map<string, FormFieldError>();
  for (const e of toFormFieldErrors(error, locale)) {
    const head = e.name[0];
    const name = head === 'costFen' ? ['costYuan'] : /PhotoIds$/.test(String(head)) ? [head!] : e.name;
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    for (const m of e.errors) if (!entry.errors.includes(m)) entry.errors.push(m);
    byName.set(key, entry);
  }
  return [...byName.values()];
}

/** Like useFormSubmit, with the order forms' field mapping. */
export function useOrderSubmit<V>(form: FormInstance<V>, submit: (values: V) => Promise<unknown>) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const run = useCallback(
    async (values: V) => {
      setSubmitting(true);
      try {
        await submit(values);
      } catch (error) {
        const fields = orderFieldErrors(error, locale);
        if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
        void message.error(errorText(error, locale));
      } finally {
        setSubmitting(false);
      }
    },
    [form, submit, locale, message],
  );
  return { submitting, run };
}

export const quantityText = (o: WorkOrder, t: Translate) =>
  o.quantity === null ? '—' : `${o.quantity} ${o.quantityUnit ? t(`assets.quantityUnits.${o.quantityUnit}`) : ''}`;

export const yuanText = (fen: number | null) => (fen === null ? '—' : formatFen(fen));

interface FinishValues {
  quantity?: number | null;
  quantityUnit?: QuantityUnit | null;
  costYuan?: number | null;
  afterPhotoIds?: string[];
  note?: string;
}

/**
 * 完成: the contractor's actual quantity (in the order's unit unless another is chosen), the cost in 元, the
 * after-photos and a note, all optional as the server defines them; its refusals show on the fields.
 */
export function WorkOrderFinishModal(props: { order: WorkOrder | null; onClose: () => void; onDone: () => void }) {
  // a fresh form per order, so one order's figures never show in the next one's dialog
  return props.order ? <FinishDialog key={props.order.id} {...props} order={props.order} /> : null;
}

function FinishDialog(props: { order: WorkOrder; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FinishValues>();
  const o = props.order;
  const { submitting, run } = useOrderSubmit(form, async (v: FinishValues) => {
    await assetsApi.step(o.id, {
      action: 'finish',
      quantity: v.quantity ?? null,
      quantityUnit: v.quantityUnit ?? null,
      costFen: toFen(v.costYuan),
      afterPhotoIds: v.afterPhotoIds ?? [],
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
    props.onDone();
  });
  return (
    <FormModal
      open
      title={`${t('assets.finish.title')} · ${o.orderNo}`}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="wo-finish-submit"
    >
      <Form<FinishValues>
        form={form}
        layout="vertical"
        name="work-order-finish"
        data-testid="wo-finish-form"
        onFinish={(v) => void run(v)}
        initialValues={{
          quantity: o.quantity,
          quantityUnit: o.quantityUnit,
          costYuan: o.costFen === null ? null : o.costFen / 100,
        }}
      >
        <Typography.Paragraph type="secondary">
          {o.assetCode} {o.assetName} · {o.title}
        </Typography.Paragraph>
        <Space.Compact block>
          <Form.Item
            name="quantity"
            label={t('assets.finish.quantity')}
            style={{ flex: 2 }}
            rules={[{ type: 'number', min: 0, message: t('assets.finish.notNegative') }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="wo-finish-quantity" />
          </Form.Item>
          <Form.Item name="quantityUnit" label={t('assets.form.quantityUnit')} style={{ flex: 1 }}>
            <Select
              allowClear
              data-testid="wo-finish-unit"
              options={QUANTITY_UNITS.map((u) => ({ value: u, label: t(`assets.quantityUnits.${u}`) }))}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="costYuan"
          label={t('assets.finish.cost')}
          rules={[{ type: 'number', min: 0, message: t('assets.finish.notNegative') }]}
        >
          <InputNumber
            min={0}
            precision={2}
            style={{ width: '100%' }}
            suffix={t('assets.finish.yuan')}
            data-testid="wo-finish-cost"
          />
        </Form.Item>
        <Form.Item name="afterPhotoIds" label={t('assets.finish.afterPhotos')}>
          <PhotoUpload max={9} testId="wo-finish-photos" />
        </Form.Item>
        <Form.Item name="note" label={t('assets.form.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="wo-finish-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** A project of the projects module, searched by name through its list route (needs project.read). */
export function ProjectPicker(props: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const res = useResource((signal) => projectsApi.list({ q: q || undefined, pageSize: 20 }, signal), [q], {
    delayMs: 250,
  });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      value={props.value ?? undefined}
      onChange={(v?: string) => props.onChange?.(v ?? null)}
      onSearch={setQ}
      loading={res.loading}
      placeholder={t('assets.detail.projectSearch')}
      notFoundContent={res.loading ? <Spin size="small" /> : undefined}
      options={(res.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      data-testid="wo-project"
    />
  );
}

/** One order: its facts, the linked case and project, and the photos before and after as thumbnails. */
export function WorkOrderDrawer(props: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const res = useResource(
    (signal) => (props.id ? assetsApi.workOrder(props.id, signal) : Promise.resolve(null)),
    [props.id],
    { resetOnChange: true },
  );
  const o = res.data && res.data.id === props.id ? res.data : null;
  const photos = (ids: string[]) =>
    ids.length ? (
      <PhotoThumbs ids={ids} />
    ) : (
      <Typography.Text type="secondary">{t('assets.detail.noPhotos')}</Typography.Text>
    );
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      width={560}
      title={o ? `${o.orderNo} ${o.title}` : t('assets.detail.title')}
      data-testid="wo-detail"
    >
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="wo-detail" /> : null}
      {!o && res.loading ? <Spin /> : null}
      {o ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('assets.columns.asset')}>
              {o.assetCode} {o.assetName}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.state')}>
              <Space size={4}>
                <Tag color={STATE_COLORS[o.state]}>{t(`assets.woStates.${o.state}`)}</Tag>
                {o.overdue ? <Tag color="red">{t('assets.columns.overdue')}</Tag> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.unit')}>{o.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.dueAt')}>{formatInstant(o.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.quantity')}>
              <span data-testid="wo-detail-quantity">{quantityText(o, t)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.cost')}>
              <span data-testid="wo-detail-cost">{yuanText(o.costFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.columns.caseNo')}>
              {o.caseId && o.caseNo ? <Link to={`/cases/${encodeURIComponent(o.caseId)}`}>{o.caseNo}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.detail.project')}>
              {o.projectId ? (
                <Link to={`/projects?open=${encodeURIComponent(o.projectId)}`} data-testid="wo-detail-project">
                  {o.projectName ?? o.projectId}
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            {o.doneAt ? (
              <Descriptions.Item label={t('assets.detail.doneAt')}>{formatInstant(o.doneAt)}</Descriptions.Item>
            ) : null}
            {o.note ? <Descriptions.Item label={t('assets.form.note')}>{o.note}</Descriptions.Item> : null}
          </Descriptions>
          <div data-testid="wo-detail-before">
            <Typography.Title level={5}>{t('assets.detail.beforePhotos')}</Typography.Title>
            {photos(o.beforePhotoIds)}
          </div>
          <div data-testid="wo-detail-after">
            <Typography.Title level={5}>{t('assets.detail.afterPhotos')}</Typography.Title>
            {photos(o.afterPhotoIds)}
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
