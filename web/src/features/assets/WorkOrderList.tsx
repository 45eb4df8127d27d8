import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  ASSET_LINES,
  QUANTITY_UNITS,
  WORK_ORDER_STATES,
  type AssetLine,
  type QuantityUnit,
  type WorkOrderAction,
  type WorkOrderState,
} from '../../../../common/domain/assets.ts';
import { errorText } from '../../api/errors.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { formatInstant } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { assetsApi, type AssetType, type WorkOrder } from './assets.api.ts';
import { AssetPicker } from './AssetPicker.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import {
  ProjectPicker,
  quantityText,
  STATE_COLORS,
  toFen,
  useOrderSubmit,
  WorkOrderDrawer,
  WorkOrderFinishModal,
  yuanText,
} from './WorkOrderDetail.tsx';

interface OrderValues {
  assetId: string;
  title: string;
  unitId: string;
  workDays: number;
  quantity?: number;
  quantityUnit?: QuantityUnit;
  costYuan?: number;
  caseNo?: string;
  projectId?: string | null;
  beforePhotoIds?: string[];
  note?: string;
}

export function WorkOrderList({ types }: { types: AssetType[] }) {
  const { t, locale } = useI18n();
  const list = useCrudList<WorkOrder, { state?: WorkOrderState; line?: AssetLine; overdue?: boolean }>();
  const auth = useAuth();
  const [form] = Form.useForm<OrderValues>();
  const { message } = App.useApp();
  const fetchPage = useCallback<FetchPage<WorkOrder, object>>((r, signal) => assetsApi.workOrders(r, signal), []);
  const [finishing, setFinishing] = useState<WorkOrder | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const { submitting, run } = useOrderSubmit(form, async (v: OrderValues) => {
    await assetsApi.createWorkOrder({
      assetId: v.assetId,
      title: v.title.trim(),
      unitId: v.unitId,
      workDays: v.workDays,
      quantity: v.quantity ?? null,
      quantityUnit: v.quantityUnit ?? null,
      costFen: toFen(v.costYuan),
      caseNo: v.caseNo?.trim() || null,
      projectId: v.projectId ?? null,
      beforePhotoIds: v.beforePhotoIds ?? [],
      note: v.note?.trim() || null,
    });
    list.saved();
  });
  useEffect(() => {
    if (list.target === 'new') form.resetFields();
  }, [list.target, form]);
  const step = async (o: WorkOrder, action: WorkOrderAction) => {
    if (action === 'finish') {
      setFinishing(o);
      return;
    }
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
    {
      title: t('assets.columns.orderNo'),
      key: 'orderNo',
      sorter: true,
      render: (_, o) => (
        <Typography.Link onClick={() => setViewing(o.id)} data-testid={`wo-open-${o.id}`}>
          {o.orderNo}
        </Typography.Link>
      ),
    },
    { title: t('assets.columns.asset'), key: 'asset', render: (_, o) => `${o.assetCode} ${o.assetName}` },
    { title: t('assets.columns.title'), key: 'title', render: (_, o) => o.title },
    { title: t('assets.columns.unit'), key: 'unit', responsive: ['lg'], render: (_, o) => o.unitName ?? '—' },
    {
      title: t('assets.columns.project'),
      key: 'project',
      width: 160,
      ellipsis: true,
      render: (_, o) =>
        o.projectId ? (
          <Link
            to={`/projects?open=${encodeURIComponent(o.projectId)}`}
            title={o.projectName ?? undefined}
            data-testid={`wo-project-${o.id}`}
          >
            {o.projectName ?? o.projectId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('assets.columns.photos'),
      key: 'photos',
      render: (_, o) => (
        <span data-testid={`wo-photos-${o.id}`} style={{ whiteSpace: 'nowrap' }}>
          {t('assets.columns.photoCounts', { before: o.beforePhotoIds.length, after: o.afterPhotoIds.length })}
        </span>
      ),
    },
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
      render: (_, o) => quantityText(o, t),
    },
    {
      title: t('assets.columns.cost'),
      key: 'cost',
      responsive: ['xl'],
      render: (_, o) => yuanText(o.costFen),
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
          {auth.can('project.read') ? (
            <Form.Item name="projectId" label={t('assets.form.project')}>
              <ProjectPicker />
            </Form.Item>
          ) : null}
          <Form.Item name="beforePhotoIds" label={t('assets.form.beforePhotos')}>
            <PhotoUpload max={9} testId="wo-before-photos" />
          </Form.Item>
          <Form.Item name="note" label={t('assets.form.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
      <WorkOrderFinishModal
        order={finishing}
        onClose={() => setFinishing(null)}
        onDone={() => {
          setFinishing(null);
          list.saved();
        }}
      />
      <WorkOrderDrawer id={viewing} onClose={() => setViewing(null)} />
    </ListPage>
  );
}
