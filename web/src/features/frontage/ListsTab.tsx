import { ExportButton } from '../../components/ExportButton.tsx';
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ListEntry, ListRuleBody } from '../../../../common/contracts/frontage.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { cityToday, formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { frApi } from './fr.api.ts';

/** The month before the city's current one: the latest month that can be published. */
const lastMonth = () => dayjs(cityToday()).subtract(1, 'month').format('YYYY-MM');

function RuleModal({
  open,
  rule,
  onClose,
  onSaved,
}: {
  open: boolean;
  rule: ListRuleBody | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ListRuleBody>();
  useEffect(() => {
    if (open && rule) form.setFieldsValue(rule);
  }, [open, rule, form]);
  const { submitting, run } = useFormSubmit(form, async (v: ListRuleBody) => {
    await frApi.setRule(v);
    onSaved();
  });
  const item = (name: keyof ListRuleBody, min: number, max: number) => (
    <Form.Item
      name={name}
      label={t(`frontage.lists.${name}`)}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <InputNumber min={min} max={max} precision={0} data-testid={`fr-rule-${name}`} />
    </Form.Item>
  );
  return (
    <FormModal
      open={open}
      title={t('frontage.action.rule')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-rule-submit"
    >
      <Form form={form} layout="vertical" name="fr-rule" onFinish={(v) => void run(v)}>
        <Space wrap>
          {item('redMinScore', 0, 100)}
          {item('redMaxShops', 1, 100)}
        </Space>
        <Space wrap>
          {item('blackMaxScore', 0, 100)}
          {item('blackMaxShops', 1, 100)}
        </Space>
        {item('minInspections', 1, 31)}
      </Form>
    </FormModal>
  );
}

/** A month's red and black lists (published, or previewed under the rule), the rule, and publishing. */
export function ListsTab() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const canPublish = useAuth().can('frontage.publish');
  const [month, setMonth] = useState(lastMonth);
  const [editing, setEditing] = useState(false);
  const { data, error, reload } = useResource((signal) => frApi.month(month, signal), [month]);
  const rule = useResource((signal) => frApi.rule(signal), []);
  const publish = () =>
    modal.confirm({
      title: t('frontage.action.publish'),
      content: t('frontage.lists.confirmPublish', { month }),
      onOk: async () => {
        try {
          await frApi.publish(month);
          void message.success(t('common.saved'));
          reload();
        } catch (e) {
          void message.error(errorText(e, locale));
        }
      },
    });
  const table = (kind: 'red' | 'black') => (
    <Card size="small" title={<Tag color={kind === 'red' ? 'red' : 'default'}>{t(`frontage.lists.${kind}`)}</Tag>}>
      <Table<ListEntry>
        rowKey="agreementId"
        size="small"
        pagination={false}
        dataSource={data?.[kind] ?? []}
        data-testid={`fr-list-${kind}`}
        locale={{ emptyText: t(kind === 'red' ? 'frontage.lists.emptyRed' : 'frontage.lists.emptyBlack') }}
        columns={[
          { title: t('frontage.lists.rank'), dataIndex: 'rank', width: 60 },
          { title: t('frontage.field.shopName'), dataIndex: 'shopName' },
          { title: t('frontage.field.region'), dataIndex: 'regionName', responsive: ['lg'] },
          { title: t('frontage.lists.average'), dataIndex: 'average', align: 'right' },
          { title: t('frontage.lists.count'), dataIndex: 'inspections', align: 'right' },
        ]}
      />
    </Card>
  );
  const r = data?.rule ?? rule.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="fr-lists">
      <Space wrap>
        <span>{t('frontage.lists.month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
          data-testid="fr-lists-month"
        />
        <ExportButton path="/api/exports/frontage-lists.xlsx" query={{ month }} testId="fr-lists-export" />
        <ExportButton path="/api/exports/frontage-lists.csv" query={{ month }} label="CSV" testId="fr-lists-csv" />
        {canPublish ? (
          <>
            <Button
              type="primary"
              disabled={!data || data.publishedAt !== null}
              onClick={publish}
              data-testid="fr-publish"
            >
              {t('frontage.action.publish')}
            </Button>
            <Button onClick={() => setEditing(true)} disabled={!rule.data}>
              {t('frontage.action.rule')}
            </Button>
          </>
        ) : null}
      </Space>
      {error ? <LoadError error={error} onRetry={reload} testId="fr-lists" /> : null}
      {data ? (
        <Alert
          type={data.publishedAt ? 'success' : 'info'}
          showIcon
          message={
            data.publishedAt
              ? t('frontage.lists.published', { at: formatInstant(data.publishedAt), by: data.publishedByName ?? '' })
              : t('frontage.lists.draft')
          }
        />
      ) : null}
      {r ? (
        <Typography.Text type="secondary">
          {t('frontage.lists.ruleText', {
            redMin: r.redMinScore,
            redMax: r.redMaxShops,
            blackMax: r.blackMaxScore,
            blackMax2: r.blackMaxShops,
            min: r.minInspections,
          })}
        </Typography.Text>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          {table('red')}
        </Col>
        <Col xs={24} lg={12}>
          {table('black')}
        </Col>
      </Row>
      <RuleModal
        open={editing}
        rule={rule.data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('common.saved'));
          rule.reload();
          reload();
        }}
      />
    </Space>
  );
}
