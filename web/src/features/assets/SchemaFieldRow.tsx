import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.ts';
import { FIELD_KINDS, type FieldKind, type FieldRow, type RowField } from './attribute-fields.ts';

/**
 * One attribute of the field list as a card (the same on a phone and a desk: a card never scrolls sideways):
 * name, labels, kind and the kind's own settings (a date has none: it is always YYYY-MM-DD), required, and moving
 * or removing it.
 */
export function SchemaFieldRow(props: {
  row: FieldRow;
  index: number;
  count: number;
  /** the message to show under each input, already in the UI language */
  messages: Partial<Record<RowField, string>>;
  onChange: (patch: Partial<FieldRow>, field?: RowField) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const { row, index, messages, onChange } = props;
  const tid = (what: string) => `schema-field-${index}-${what}`;
  const item = (field: RowField, label: string, child: ReactNode, extra?: string) => (
    <Form.Item
      label={label}
      style={{ marginBottom: 8 }}
      validateStatus={messages[field] ? 'error' : ''}
      help={messages[field]}
      extra={extra}
    >
      {child}
    </Form.Item>
  );
  const heading = (locale === 'en' && row.titleEn.trim()) || row.title.trim() || t('assets.schemaEditor.untitled');
  const number = (field: 'minimum' | 'maximum' | 'maxLength') =>
    item(
      field,
      t(`assets.schemaEditor.${field}`),
      <InputNumber
        style={{ width: '100%' }}
        value={row[field]}
        precision={field === 'maxLength' || row.kind === 'integer' ? 0 : undefined}
        onChange={(v) => onChange({ [field]: typeof v === 'number' ? v : null }, field)}
        data-testid={tid(field)}
      />,
    );
  const unit = item(
    'unit',
    t('assets.schemaEditor.unit'),
    <Input value={row.unit} onChange={(e) => onChange({ unit: e.target.value }, 'unit')} data-testid={tid('unit')} />,
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`schema-field-${index}`}
      title={
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: '100%' }}>
          {`${index + 1}. ${heading}`}
          {row.key ? <Typography.Text type="secondary">{` · ${row.key}`}</Typography.Text> : null}
        </Typography.Text>
      }
      extra={
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
            aria-label={t('assets.schemaEditor.moveUp')}
            title={t('assets.schemaEditor.moveUp')}
            data-testid={tid('up')}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === props.count - 1}
            onClick={() => props.onMove(1)}
            aria-label={t('assets.schemaEditor.moveDown')}
            title={t('assets.schemaEditor.moveDown')}
            data-testid={tid('down')}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={props.onRemove}
            aria-label={t('assets.schemaEditor.remove')}
            title={t('assets.schemaEditor.remove')}
            data-testid={tid('remove')}
          />
        </Space>
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          {item(
            'key',
            t('assets.schemaEditor.key'),
            <Input
              value={row.key}
              placeholder="capacityTpd"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ key: e.target.value }, 'key')}
              data-testid={tid('key')}
            />,
          )}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('assets.schemaEditor.kind')} style={{ marginBottom: 8 }}>
            <Select<FieldKind>
              value={row.kind}
              onChange={(kind) => onChange({ kind })}
              options={FIELD_KINDS.map((k) => ({ value: k, label: t(`assets.schemaEditor.kinds.${k}`) }))}
              data-testid={tid('kind')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {item(
            'title',
            t('assets.schemaEditor.title'),
            <Input
              value={row.title}
              onChange={(e) => onChange({ title: e.target.value }, 'title')}
              data-testid={tid('title')}
            />,
          )}
        </Col>
        <Col xs={24} sm={12}>
          {item(
            'titleEn',
            t('assets.schemaEditor.titleEn'),
            <Input
              value={row.titleEn}
              onChange={(e) => onChange({ titleEn: e.target.value }, 'titleEn')}
              data-testid={tid('title-en')}
            />,
          )}
        </Col>
        {row.kind === 'number' || row.kind === 'integer' ? (
          <>
            <Col xs={24} sm={8}>
              {unit}
            </Col>
            <Col xs={12} sm={8}>
              {number('minimum')}
            </Col>
            <Col xs={12} sm={8}>
              {number('maximum')}
            </Col>
          </>
        ) : null}
        {row.kind === 'text' ? (
          <>
            <Col xs={12} sm={12}>
              {unit}
            </Col>
            <Col xs={12} sm={12}>
              {number('maxLength')}
            </Col>
          </>
        ) : null}
        {row.kind === 'date' ? (
          <Col xs={24}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={tid('date-help')}>
              {t('assets.schemaEditor.dateHelp')}
            </Typography.Paragraph>
          </Col>
        ) : null}
        {row.kind === 'choice' ? (
          <>
            <Col xs={24}>
              {item(
                'options',
                t('assets.schemaEditor.options'),
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  value={row.options}
                  tokenSeparators={[',', '，', '、']}
                  onChange={(options: string[]) => onChange({ options }, 'options')}
                  data-testid={tid('options')}
                />,
                t('assets.schemaEditor.optionsHelp'),
              )}
            </Col>
            <Col xs={12}>{unit}</Col>
            <Col xs={12}>
              <Form.Item label=" " colon={false} style={{ marginBottom: 8 }}>
                <Checkbox
                  checked={row.figure}
                  onChange={(e) => onChange({ figure: e.target.checked })}
                  data-testid={tid('figure')}
                >
                  {t('assets.schemaEditor.figure')}
                </Checkbox>
              </Form.Item>
            </Col>
          </>
        ) : null}
        <Col xs={24}>
          <Checkbox
            checked={row.required}
            onChange={(e) => onChange({ required: e.target.checked })}
            data-testid={tid('required')}
          >
            {t('assets.schemaEditor.required')}
          </Checkbox>
        </Col>
      </Row>
    </Card>
  );
}
