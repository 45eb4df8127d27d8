import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import {
  ASSET_LINES,
  ASSET_STATUSES,
  GEOMETRY_KINDS,
  LOG_UNITS,
  QUANTITY_UNITS,
  WORK_ORDER_STATES,
  type AssetLine,
  type AssetStatus,
  type AttributeSchema,
  type GeometryKind,
  type LogUnit,
  type QuantityUnit,
  type WorkOrderAction,
  type WorkOrderState,
} from '../../../../common/domain/assets.ts';
import { errorText } from '../../api/errors.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { formatInstant } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { assetsApi, type Asset, type AssetType, type DailyLog, type WorkOrder } from './assets.api.ts';
import { attributeSummary, AttributeSchemaForm } from './AttributeSchemaForm.tsx';

const STATE_COLORS: Record<WorkOrderState, string> = {
  open: 'default',
  in_progress: 'processing',
  done: 'success',
  accepted: 'green',
};

/** The tenant's asset types, loaded once per page. */
function useTypes() {
  const [types, setTypes] = useState<AssetType[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const c = new AbortController();
    assetsApi.types(undefined, c.signal).then(
      (r) => setTypes(r.items),
      () => undefined,
    );
    return () => c.abort();
  }, [version]);
  return { types, reload: () => setVersion((v) => v + 1) };
}

/** A file picker that sends the chosen file to an import and reports the outcome. */
function ImportButton({
  label,
  accept,
  run,
  testId,
}: {
  label: string;
  accept: string;
  run: (f: File) => Promise<string>;
  testId: string;
}) {
  const { message, modal } = App.useApp();
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File) => {
    setBusy(true);
    try {
      void message.success(await run(file));
    } catch (err) {
      const details = (err as { details?: { field: string; message: string }[] }).details;
      modal.error({
        title: t('assets.import.failed'),
        content: (
          <div style={{ maxHeight: 320, overflow: 'auto' }}>
            {Array.isArray(details)
              ? details.slice(0, 50).map((d) => <div key={`${d.field}${d.message}`}>{`${d.field}：${d.message}`}</div>)
              : errorText(err, locale)}
          </div>
        ),
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void pick(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

interface AssetValues {
  code: string;
  name: string;
  typeCode: string;
  address?: string;
  unitId?: string | null;
  lng?: number;
  lat?: number;
  coordinates?: string;
  attributes?: Record<string, unknown>;
}

function AssetModal({
  open,
  types,
  onClose,
  onSaved,
}: {
  open: boolean;
  types: AssetType[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<AssetValues>();
  const typeCode = Form.useWatch('typeCode', form);
  const type = types.find((x) => x.code === typeCode);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: AssetValues) => {
    const kind = type?.geometryKind ?? 'point';
    const geometry =
      kind === 'point'
        ? { type: 'Point' as const, coordinates: [v.lng, v.lat] }
        : {
            type: kind === 'line' ? ('LineString' as const) : ('Polygon' as const),
            coordinates: JSON.parse(v.coordinates ?? '[]') as unknown,
          };
    const attributes = Object.fromEntries(
      Object.entries(v.attributes ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''),
    );
    await assetsApi.create({
      code: v.code.trim(),
      name: v.name.trim(),
      typeCode: v.typeCode,
      geometry,
      address: v.address?.trim() || null,
      unitId: v.unitId ?? null,
      attributes,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('assets.actions.create')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="asset-submit"
    >
      <Form<AssetValues> form={form} layout="vertical" name="asset" onFinish={(v) => void run(v)}>
        <Form.Item name="typeCode" label={t('assets.form.type')} rules={required}>
          <Select
            data-testid="asset-type"
            showSearch
            optionFilterProp="label"
            options={types.map((x) => ({
              value: x.code,
              label: `${t(`assets.lines.${x.line}`)} · ${locale === 'en' ? x.nameEn : x.nameZh}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('assets.form.code')}
          rules={[
            ...required,
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: t('validation.pattern') },
            { max: 40 },
          ]}
        >
          <Input data-testid="asset-code" />
        </Form.Item>
        <Form.Item name="name" label={t('assets.form.name')} rules={[...required, { max: 80 }]}>
          <Input data-testid="asset-name" />
        </Form.Item>
        <Form.Item name="address" label={t('assets.form.address')} rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('assets.columns.unit')}>
          <UnitSelect allowClear />
        </Form.Item>
        {(type?.geometryKind ?? 'point') === 'point' ? (
          <Space.Compact block>
            <Form.Item name="lng" label={t('assets.form.lng')} rules={required} style={{ flex: 1 }}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} data-testid="asset-lng" />
            </Form.Item>
            <Form.Item name="lat" label={t('assets.form.lat')} rules={required} style={{ flex: 1 }}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid="asset-lat" />
            </Form.Item>
          </Space.Compact>
        ) : (
          <Form.Item name="coordinates" label={t('assets.form.coordinates')} rules={required}>
            <Input.TextArea
              rows={3}
              placeholder={
                type?.geometryKind === 'line'
                  ? '[[114.98,30.10],[114.99,30.10]]'
                  : '[[[114.98,30.10],[114.99,30.10],[114.99,30.11],[114.98,30.10]]]'
              }
            />
          </Form.Item>
        )}
        {type ? (
          <>
            <Typography.Text strong>{t('assets.form.attributes')}</Typography.Text>
            <AttributeSchemaForm schema={type.attributeSchema} />
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}

function AssetList({ types }: { types: AssetType[] }) {
  const { t, locale } = useI18n();
  const list = useCrudList<Asset, { line?: AssetLine; typeCode?: string; status?: AssetStatus }>();
  const canManage = useAuth().can('assets.manage');
  const fetchPage = useCallback<FetchPage<Asset, object>>((r, signal) => assetsApi.items(r, signal), []);
  const schemas = useMemo(() => new Map(types.map((x) => [x.code, x.attributeSchema])), [types]);
  const columns: TableColumnsType<Asset> = [
    { title: t('assets.columns.code'), key: 'code', sorter: true, render: (_, a) => a.code },
    { title: t('assets.columns.name'), key: 'name', sorter: true, render: (_, a) => a.name },
    { title: t('assets.columns.line'), key: 'line', render: (_, a) => t(`assets.lines.${a.line}`) },
    { title: t('assets.columns.type'), key: 'type', render: (_, a) => (locale === 'en' ? a.typeNameEn : a.typeNameZh) },
    {
      title: t('assets.columns.status'),
      key: 'status',
      sorter: true,
      render: (_, a) => (
        <Tag color={a.status === 'active' ? 'blue' : 'default'}>{t(`assets.statuses.${a.status}`)}</Tag>
      ),
    },
    { title: t('assets.columns.unit'), key: 'unit', responsive: ['lg'], render: (_, a) => a.unitName ?? '—' },
    {
      title: t('assets.columns.attributes'),
      key: 'attributes',
      responsive: ['xl'],
      render: (_, a) =>
        attributeSummary(schemas.get(a.typeCode), a.attributes, locale, [t('assets.yes'), t('assets.no')]),
    },
    {
      title: t('assets.columns.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['lg'],
      render: (_, a) => (
        <>
          {formatInstant(a.updatedAt)} {a.synthetic ? <Tag>{t('assets.synthetic')}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <ListPage<Asset, { line?: AssetLine; typeCode?: string; status?: AssetStatus }>
      list={list}
      testId="assets-items"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('assets.filters.search')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="line"
            codes={ASSET_LINES}
            label={(c) => t(`assets.lines.${c}`)}
            placeholder={t('assets.filters.line')}
            width={110}
            testId="assets-filter-line"
          />
          <Select
            allowClear
            placeholder={t('assets.filters.type')}
            style={{ width: 170 }}
            value={list.filters.typeCode}
            onChange={(v?: string) => list.setFilter('typeCode', v ?? undefined)}
            options={types
              .filter((x) => !list.filters.line || x.line === list.filters.line)
              .map((x) => ({ value: x.code, label: locale === 'en' ? x.nameEn : x.nameZh }))}
          />
          <FilterSelect
            list={list}
            name="status"
            codes={ASSET_STATUSES}
            label={(c) => t(`assets.statuses.${c}`)}
            placeholder={t('assets.columns.status')}
            width={110}
          />
        </>
      }
      actions={
        <>
          <ExportButton
            path="/api/assets/export.csv"
            query={list.filters}
            label={t('assets.actions.exportCsv')}
            testId="assets-export-csv"
          />
          <ExportButton
            path="/api/assets/export.geojson"
            query={list.filters}
            label={t('assets.actions.exportGeoJson')}
            testId="assets-export-geojson"
          />
          {canManage ? (
            <ImportButton
              label={t('assets.actions.import')}
              accept=".csv,.geojson,.json"
              testId="assets-import"
              run={async (f) => {
                const r = await assetsApi.importAssets(f);
                list.saved();
                return t('assets.import.done', r);
              }}
            />
          ) : null}
        </>
      }
      createLabel={canManage ? t('assets.actions.create') : undefined}
    >
      <AssetModal open={list.target === 'new'} types={types} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}

interface TypeValues {
  code: string;
  nameZh: string;
  nameEn: string;
  line: AssetLine;
  geometryKind: GeometryKind;
  logUnit?: LogUnit | null;
  schema: string;
}

function TypeList({ types, reload }: { types: AssetType[]; reload: () => void }) {
  const { t, locale } = useI18n();
  const canManage = useAuth().can('assets.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TypeValues>();
  const { submitting, run } = useFormSubmit(form, async (v: TypeValues) => {
    let schema: AttributeSchema;
    try {
      schema = JSON.parse(v.schema) as AttributeSchema;
    } catch {
      form.setFields([{ name: 'schema', errors: [t('assets.form.schemaInvalid')] }]);
      return;
    }
    await assetsApi.createType({
      code: v.code.trim(),
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      line: v.line,
      geometryKind: v.geometryKind,
      logUnit: v.logUnit ?? null,
      attributeSchema: schema,
    });
    setOpen(false);
    reload();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      {canManage ? (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setOpen(true);
            }}
            data-testid="asset-types-create"
          >
            {t('assets.actions.createType')}
          </Button>
        </Space>
      ) : null}
      <div data-testid="asset-types">
        {ASSET_LINES.map((line) => {
          const ofLine = types.filter((x) => x.line === line);
          if (!ofLine.length) return null;
          return (
            <div key={line} style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{t(`assets.lines.${line}`)}</Typography.Title>
              {ofLine.map((x) => (
                <div key={x.id} style={{ marginBottom: 8 }}>
                  <Space wrap>
                    <Typography.Text strong>{locale === 'en' ? x.nameEn : x.nameZh}</Typography.Text>
                    <Typography.Text type="secondary">{x.code}</Typography.Text>
                    <Tag>{t(`assets.geometryKinds.${x.geometryKind}`)}</Tag>
                    {x.logUnit ? (
                      <Tag color="blue">{`${t('assets.columns.logUnit')}：${t(`assets.logUnits.${x.logUnit}`)}`}</Tag>
                    ) : null}
                    <Typography.Text>{`${t('assets.columns.assetCount')} ${x.assetCount}`}</Typography.Text>
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {Object.entries(x.attributeSchema.properties)
                        .map(
                          ([n, p]) =>
                            `${locale === 'en' ? (p.titleEn ?? p.title) : p.title}（${t(`assets.attributeTypes.${p.type}`)}${p.unit ? `, ${p.unit}` : ''}${x.attributeSchema.required?.includes(n) ? `, ${t('assets.form.required')}` : ''}）`,
                        )
                        .join('、')}
                    </Typography.Text>
                  </div>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <FormModal
        open={open}
        title={t('assets.actions.createType')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={submitting}
        testId="asset-type-submit"
      >
        <Form<TypeValues>
          form={form}
          layout="vertical"
          name="asset-type"
          onFinish={(v) => void run(v)}
          initialValues={{ schema: '{\n  "type": "object",\n  "properties": {}\n}' }}
        >
          <Form.Item name="code" label={t('assets.form.code')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameZh" label={t('assets.form.nameZh')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('assets.form.nameEn')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="line" label={t('assets.form.line')} rules={required}>
            <Select options={ASSET_LINES.map((l) => ({ value: l, label: t(`assets.lines.${l}`) }))} />
          </Form.Item>
          <Form.Item name="geometryKind" label={t('assets.form.geometryKind')} rules={required}>
            <Select options={GEOMETRY_KINDS.map((g) => ({ value: g, label: t(`assets.geometryKinds.${g}`) }))} />
          </Form.Item>
          <Form.Item name="logUnit" label={t('assets.form.logUnit')}>
            <Select allowClear options={LOG_UNITS.map((u) => ({ value: u, label: t(`assets.logUnits.${u}`) }))} />
          </Form.Item>
          <Form.Item name="schema" label={t('assets.form.schema')} rules={required}>
            <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

interface OrderValues {
  assetId: string;
  title: string;
  unitId: string;
  workDays: number;
  quantity?: number;
  quantityUnit?: QuantityUnit;
  costYuan?: number;
  caseNo?: string;
}

function AssetPicker(props: { value?: string; onChange?: (v: string) => void; logOnly?: boolean; types: AssetType[] }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = (q: string) => {
    assetsApi.items({ q: q || undefined, pageSize: 20 }).then(
      (r) =>
        setOptions(
          r.items
            .filter((a) => !props.logOnly || props.types.find((x) => x.id === a.typeId)?.logUnit)
            .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
        ),
      () => undefined,
    );
  };
  return (
    <Select
      showSearch
      filterOption={false}
      value={props.value}
      onChange={props.onChange}
      onSearch={search}
      onOpenChange={(o) => o && search('')}
      options={options}
      data-testid="asset-picker"
    />
  );
}

function WorkOrderList({ types }: { types: AssetType[] }) {
  const { t, locale } = useI18n();
  const list = useCrudList<WorkOrder, { state?: WorkOrderState; line?: AssetLine; overdue?: boolean }>();
  const auth = useAuth();
  const [form] = Form.useForm<OrderValues>();
  const { message } = App.useApp();
  const fetchPage = useCallback<FetchPage<WorkOrder, object>>((r, signal) => assetsApi.workOrders(r, signal), []);
  const { submitting, run } = useFormSubmit(form, async (v: OrderValues) => {
    await assetsApi.createWorkOrder({
      assetId: v.assetId,
      title: v.title.trim(),
      unitId: v.unitId,
      workDays: v.workDays,
      quantity: v.quantity ?? null,
      quantityUnit: v.quantityUnit ?? null,
      costFen: v.costYuan === undefined || v.costYuan === null ? null : Math.round(v.costYuan * 100),
      caseNo: v.caseNo?.trim() || null,
    });
    list.saved();
  });
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const step = async (o: WorkOrder, action: WorkOrderAction) => {
    try {
      await assetsApi.step(o.id, { action });
      list.saved();
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };
  const NEXT: Partial<
    Record<WorkOrderState, { action: WorkOrderAction; permission: 'assets.work' | 'assets.manage' }[]>
  > = {
    open: [{ action: 'start', permission: 'assets.work' }],
    in_progress: [{ action: 'finish', permission: 'assets.work' }],
    done: [
      { action: 'accept', permission: 'assets.manage' },
      { action: 'rework', permission: 'assets.manage' },
    ],
  };
  const columns: TableColumnsType<WorkOrder> = [
    { title: t('assets.columns.orderNo'), key: 'orderNo', sorter: true, render: (_, o) => o.orderNo },
    { title: t('assets.columns.asset'), key: 'asset', render: (_, o) => `${o.assetCode} ${o.assetName}` },
    { title: t('assets.columns.title'), key: 'title', render: (_, o) => o.title },
    { title: t('assets.columns.unit'), key: 'unit', responsive: ['lg'], render: (_, o) => o.unitName ?? '—' },
    {
      title: t('assets.columns.state'),
      key: 'state',
      sorter: true,
      render: (_, o) => (
        <Space size={4}>
          <Tag color={STATE_COLORS[o.state]}>{t(`assets.woStates.${o.state}`)}</Tag>
          {o.overdue ? <Tag color="red">{t('assets.columns.overdue')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('assets.columns.dueAt'), key: 'dueAt', sorter: true, render: (_, o) => formatInstant(o.dueAt) },
    {
      title: t('assets.columns.quantity'),
      key: 'quantity',
      responsive: ['xl'],
      render: (_, o) =>
        o.quantity === null
          ? '—'
          : `${o.quantity} ${o.quantityUnit ? t(`assets.quantityUnits.${o.quantityUnit}`) : ''}`,
    },
    {
      title: t('assets.columns.cost'),
      key: 'cost',
      responsive: ['xl'],
      render: (_, o) => (o.costFen === null ? '—' : (o.costFen / 100).toFixed(2)),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, o) => (
        <Space size={0}>
          {(NEXT[o.state] ?? [])
            .filter((n) => auth.can(n.permission))
            .map((n) => (
              <Button
                key={n.action}
                type="link"
                size="small"
                onClick={() => void step(o, n.action)}
                data-testid={`wo-${n.action}-${o.id}`}
              >
                {t(`assets.woActions.${n.action}`)}
              </Button>
            ))}
        </Space>
      ),
    },
  ];
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ListPage<WorkOrder, { state?: WorkOrderState; line?: AssetLine; overdue?: boolean }>
      list={list}
      testId="assets-work-orders"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(o) => o.id}
      defaultSort={{ sort: 'createdAt', order: 'desc' }}
      searchPlaceholder={t('assets.filters.searchOrders')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="state"
            codes={WORK_ORDER_STATES}
            label={(c) => t(`assets.woStates.${c}`)}
            placeholder={t('assets.filters.state')}
            width={120}
          />
          <FilterSelect
            list={list}
            name="line"
            codes={ASSET_LINES}
            label={(c) => t(`assets.lines.${c}`)}
            placeholder={t('assets.filters.line')}
            width={110}
          />
          <Space>
            <Switch
              size="small"
              checked={list.filters.overdue === true}
              onChange={(v) => list.setFilter('overdue', v ? true : undefined)}
              data-testid="wo-overdue-only"
            />
            <Typography.Text>{t('assets.filters.overdueOnly')}</Typography.Text>
          </Space>
        </>
      }
      createLabel={auth.can('assets.manage') ? t('assets.actions.createOrder') : undefined}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('assets.actions.createOrder')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submitting}
        testId="wo-submit"
      >
        <Form<OrderValues>
          form={form}
          layout="vertical"
          name="work-order"
          onFinish={(v) => void run(v)}
          initialValues={{ workDays: 5 }}
        >
          <Form.Item name="assetId" label={t('assets.form.asset')} rules={required}>
            <AssetPicker types={types} />
          </Form.Item>
          <Form.Item name="title" label={t('assets.form.title')} rules={[...required, { max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label={t('assets.form.unit')} rules={required}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="workDays" label={t('assets.form.workDays')} rules={required}>
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="quantity" label={t('assets.form.quantity')} style={{ flex: 2 }}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="quantityUnit" label={t('assets.form.quantityUnit')} style={{ flex: 1 }}>
              <Select
                allowClear
                options={QUANTITY_UNITS.map((u) => ({ value: u, label: t(`assets.quantityUnits.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="costYuan" label={t('assets.form.costYuan')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="caseNo" label={t('assets.form.caseNo')}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}

function LogList({ types }: { types: AssetType[] }) {
  const { t } = useI18n();
  const list = useCrudList<DailyLog, { line?: AssetLine }>();
  const canWork = useAuth().can('assets.work');
  const [form] = Form.useForm<{ assetId: string; logDate: { format(f: string): string }; quantity: number }>();
  const fetchPage = useCallback<FetchPage<DailyLog, object>>((r, signal) => assetsApi.logs(r, signal), []);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: { assetId: string; logDate: { format(f: string): string }; quantity: number }) => {
      await assetsApi.recordLog({ assetId: v.assetId, logDate: v.logDate.format('YYYY-MM-DD'), quantity: v.quantity });
      list.saved();
    },
  );
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const columns: TableColumnsType<DailyLog> = [
    { title: t('assets.columns.logDate'), key: 'logDate', sorter: true, render: (_, l) => l.logDate },
    { title: t('assets.columns.asset'), key: 'asset', render: (_, l) => `${l.assetCode} ${l.assetName}` },
    {
      title: t('assets.columns.quantity'),
      key: 'quantity',
      sorter: true,
      align: 'right',
      render: (_, l) => `${l.quantity} ${t(`assets.logUnits.${l.unit}`)}`,
    },
    { title: t('assets.columns.source'), key: 'source', render: (_, l) => t(`assets.sources.${l.source}`) },
  ];
  return (
    <ListPage<DailyLog, { line?: AssetLine }>
      list={list}
      testId="assets-logs"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(l) => l.id}
      defaultSort={{ sort: 'logDate', order: 'desc' }}
      searchPlaceholder={t('assets.filters.search')}
      toolbar={
        <FilterSelect
          list={list}
          name="line"
          codes={ASSET_LINES}
          label={(c) => t(`assets.lines.${c}`)}
          placeholder={t('assets.filters.line')}
          width={110}
        />
      }
      actions={
        canWork ? (
          <ImportButton
            label={t('assets.actions.importWeighbridge')}
            accept=".csv"
            testId="assets-import-weighbridge"
            run={async (f) => {
              const r = await assetsApi.importWeighbridge(f);
              list.saved();
              return t('assets.import.logsDone', r);
            }}
          />
        ) : null
      }
      createLabel={canWork ? t('assets.actions.recordLog') : undefined}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('assets.actions.recordLog')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submitting}
        testId="log-submit"
      >
        <Form form={form} layout="vertical" name="daily-log" onFinish={(v) => void run(v)}>
          <Form.Item
            name="assetId"
            label={t('assets.form.asset')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <AssetPicker types={types} logOnly />
          </Form.Item>
          <Form.Item
            name="logDate"
            label={t('assets.form.logDate')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('assets.form.logQuantity')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}

/** 设施台账: the registers of the six lines on one framework (docs/assets.md). */
export function AssetsPage() {
  const { t } = useI18n();
  const { types, reload } = useTypes();
  return (
    <PageSection title={t('assets.title')} testId="page-assets">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'items', label: t('assets.tabs.items'), children: <AssetList types={types} /> },
          { key: 'workOrders', label: t('assets.tabs.workOrders'), children: <WorkOrderList types={types} /> },
          { key: 'logs', label: t('assets.tabs.logs'), children: <LogList types={types} /> },
          { key: 'types', label: t('assets.tabs.types'), children: <TypeList types={types} reload={reload} /> },
        ]}
      />
    </PageSection>
  );
}
