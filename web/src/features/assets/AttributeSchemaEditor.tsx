import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Form, Input, Row, Tabs, Typography } from 'antd';
import { ATTRIBUTE_NAME, type AttributeSchema } from '../../../../common/domain/assets.ts';
import { ApiError, fieldErrorsOf, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import {
  emptyRow,
  LIMITS,
  moveRow,
  problemInput,
  problemProperty,
  rowProblems,
  rowsToSchema,
  schemaText,
  schemaToRows,
  type FieldRow,
  type RowField,
  type Unsupported,
} from './attribute-fields.ts';
import { AttributeSchemaForm } from './AttributeSchemaForm.tsx';
import { SchemaFieldRow } from './SchemaFieldRow.tsx';

/** What the type form asks of the editor when the server refuses a schema. */
export interface SchemaEditorHandle {
  /**
   * Puts the problems that name a property (`body.attributeSchema.properties.x.maximum`) on that property's row
   * and answers the error with the other details only, for the form to show under the editor.
   */
  place: (error: unknown) => unknown;
}

/** The editor's reading of its JSON text: rows, or why there are none. */
type Reading = { rows: FieldRow[] } | { unsupported: Unsupported } | { parseError: string };

function read(text: string, previous: readonly FieldRow[]): Reading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { parseError: (err as Error).message };
  }
  return schemaToRows(value, previous);
}

interface ServerProblem {
  rowId: string;
  field: RowField;
  message: string;
}

/**
 * The attribute schema of an asset type as a list of fields (docs/assets.md, "Editing in the console"), with the
 * asset form it produces beside it, drawn by the asset edit screen's own renderer, and the JSON as an advanced tab.
 * The form value is the JSON text: the field list writes it on every change and reads it back on every edit of the
 * text, so the two views never disagree. A schema the list cannot show opens on the JSON tab with the reason.
 */
function AttributeSchemaEditor(props: {
  value?: string;
  onChange?: (text: string) => void;
  name: string;
  handle?: Ref<SchemaEditorHandle>;
  problemCount: { current: number };
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const { status } = Form.Item.useStatus();
  const value = props.value ?? '';
  const [seen, setSeen] = useState(value);
  const [reading, setReading] = useState<Reading>(() => read(value, []));
  const [rows, setRows] = useState<FieldRow[]>(() => ('rows' in reading ? reading.rows : []));
  const [tab, setTab] = useState<'fields' | 'json'>('rows' in reading ? 'fields' : 'json');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [server, setServer] = useState<ServerProblem[]>([]);
  const [previewForm] = Form.useForm();

  // A value set from outside (the form opened on another type) is read afresh.
  if (value !== seen) {
    const next = read(value, rows);
    setSeen(value);
    setReading(next);
    if ('rows' in next) setRows(next.rows);
    else setTab('json');
  }

  const listable = 'rows' in reading;
  const problems = listable ? rowProblems(rows) : [];
  props.problemCount.current = problems.length;
  const showAll = status === 'error';

  const emit = (text: string) => {
    setSeen(text);
    props.onChange?.(text);
    // once the form has shown its problems, every edit checks again so fixed ones go away
    if (showAll) setTimeout(() => void form.validateFields([props.name]).catch(() => undefined), 0);
  };

  const editRows = (next: FieldRow[], changed?: { rowId: string; field?: RowField }) => {
    setRows(next);
    setReading({ rows: next });
    if (changed) {
      setServer((s) => s.filter((p) => p.rowId !== changed.rowId));
      if (changed.field) setTouched((s) => new Set(s).add(`${changed.rowId}.${changed.field}`));
    }
    emit(schemaText(rowsToSchema(next)));
  };

  const editText = (text: string) => {
    const next = read(text, rows);
    setReading(next);
    if ('rows' in next) setRows(next.rows);
    setServer([]);
    emit(text);
  };

  useImperativeHandle(props.handle, () => ({
    place: (error: unknown) => {
      if (!isApiError(error) || !Array.isArray(error.details)) return error;
      let sent: AttributeSchema | null = null;
      try {
        sent = JSON.parse(value) as AttributeSchema;
      } catch {
        sent = null;
      }
      const placed: ServerProblem[] = [];
      const rest = fieldErrorsOf(error).filter((d) => {
        const property = problemProperty(d.field, sent);
        const row = property === null ? undefined : rows.find((r) => r.key === property);
        if (!row || !listable) return true;
        placed.push({ rowId: row.id, field: problemInput(d.field), message: d.message });
        return false;
      });
      setServer(placed);
      return new ApiError({
        status: error.status,
        code: error.code,
        message: error.message,
        details: rest,
        requestId: error.requestId,
      });
    },
  }));

  const messagesOf = (row: FieldRow) => {
    const out: Partial<Record<RowField, string>> = {};
    for (const p of problems)
      if (p.rowId === row.id && (showAll || touched.has(`${row.id}.${p.field}`)))
        out[p.field] = t(`assets.schemaEditor.err.${p.key}` as 'assets.schemaEditor.err.range', p.params);
    for (const p of server)
      if (p.rowId === row.id) out[p.field] = out[p.field] ? `${out[p.field]}；${p.message}` : p.message;
    return out;
  };

  // the preview draws the attributes that have a usable name, each once, as the asset form will
  const usable = rows.filter((r, i) => ATTRIBUTE_NAME.test(r.key) && rows.findIndex((x) => x.key === r.key) === i);
  const preview = rowsToSchema(usable.map((r) => ({ ...r, title: r.title.trim() || r.key })));

  const fields = (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('assets.schemaEditor.keyHelp')}
        </Typography.Paragraph>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assets.schemaEditor.empty')} />
        ) : null}
        {rows.map((row, i) => (
          <SchemaFieldRow
            key={row.id}
            row={row}
            index={i}
            count={rows.length}
            messages={messagesOf(row)}
            onChange={(patch, field) =>
              editRows(
                rows.map((r) => (r.id === row.id ? { ...r, ...patch } : r)),
                { rowId: row.id, field },
              )
            }
            onMove={(by) => editRows(moveRow(rows, i, by))}
            onRemove={() => editRows(rows.filter((r) => r.id !== row.id))}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          block
          disabled={rows.length >= LIMITS.fields}
          title={rows.length >= LIMITS.fields ? t('assets.schemaEditor.tooMany', { max: LIMITS.fields }) : undefined}
          onClick={() => editRows([...rows, emptyRow()])}
          data-testid="schema-field-add"
        >
          {t('assets.schemaEditor.add')}
        </Button>
      </Col>
      <Col xs={24} lg={10}>
        <div
          // stays in sight beside a long list on a wide screen
          style={{
            border: '1px dashed #d9d9d9',
            borderRadius: 8,
            padding: 12,
            marginTop: 8,
            position: 'sticky',
            top: 16,
          }}
          data-testid="schema-preview"
        >
          <Typography.Text strong>{t('assets.schemaEditor.preview')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('assets.schemaEditor.previewHelp')}
          </Typography.Paragraph>
          {usable.length ? (
            <Form form={previewForm} layout="vertical" component={false}>
              <AttributeSchemaForm schema={preview} namePrefix="preview" />
            </Form>
          ) : (
            <Typography.Text type="secondary">{t('assets.schemaEditor.previewEmpty')}</Typography.Text>
          )}
        </div>
      </Col>
    </Row>
  );

  // on the JSON tab every problem is listed, touched or not: there are no inputs to hang them on
  function messagesOfAll(row: FieldRow) {
    const out: string[] = [];
    for (const p of problems)
      if (p.rowId === row.id)
        out.push(t(`assets.schemaEditor.err.${p.key}` as 'assets.schemaEditor.err.range', p.params));
    for (const p of server) if (p.rowId === row.id) out.push(p.message);
    return out;
  }

  const json = (
    <>
      {'unsupported' in reading ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('assets.schemaEditor.unsupportedTitle')}
          description={t(
            `assets.schemaEditor.unsupported.${reading.unsupported.reason}` as 'assets.schemaEditor.unsupported.keyword',
            { at: reading.unsupported.at || 'properties' },
          )}
          data-testid="schema-unsupported"
        />
      ) : null}
      <Form.Item
        style={{ marginBottom: 8 }}
        validateStatus={'parseError' in reading ? 'error' : ''}
        help={
          'parseError' in reading ? t('assets.schemaEditor.jsonInvalid', { reason: reading.parseError }) : undefined
        }
        extra={t('assets.schemaEditor.jsonHelp')}
      >
        <Input.TextArea
          autoSize={{ minRows: 12, maxRows: 30 }}
          value={value}
          onChange={(e) => editText(e.target.value)}
          style={{ fontFamily: 'monospace' }}
          spellCheck={false}
          data-testid="asset-type-schema"
        />
      </Form.Item>
      {listable && (problems.length || server.length) ? (
        <div data-testid="schema-json-problems">
          <Typography.Text type="danger">{t('assets.schemaEditor.problemsTitle')}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {rows.flatMap((row, i) =>
              Object.values(messagesOfAll(row)).map((message) => (
                <li key={`${row.id}-${message}`}>
                  <Typography.Text type="danger">
                    {t('assets.schemaEditor.problemAt', { n: i + 1, key: row.key || '—', message })}
                  </Typography.Text>
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
    </>
  );

  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setTab(k as 'fields' | 'json')}
      items={[
        {
          key: 'fields',
          label: <span data-testid="schema-tab-fields">{t('assets.schemaEditor.tabs.fields')}</span>,
          disabled: !listable,
          children: listable ? fields : null,
        },
        {
          key: 'json',
          label: <span data-testid="schema-tab-json">{t('assets.schemaEditor.tabs.json')}</span>,
          children: json,
        },
      ]}
    />
  );
}

/**
 * The type form's attribute-schema item: the editor above, checked before sending (JSON that parses, no problem
 * left in the field list). It checks on saving only, so a row being filled in is not shouted at.
 */
export function AttributeSchemaItem(props: {
  name: string;
  label: string;
  extra?: string;
  handle?: Ref<SchemaEditorHandle>;
}) {
  const { t } = useI18n();
  const problemCount = useRef(0);
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      extra={props.extra}
      validateTrigger={[]}
      rules={[
        {
          validator: async (_, text: string | undefined) => {
            try {
              JSON.parse(text ?? '');
            } catch (err) {
              throw new Error(`${t('assets.form.schemaInvalid')}：${(err as Error).message}`, { cause: err });
            }
            if (problemCount.current > 0)
              throw new Error(t('assets.schemaEditor.fixRows', { count: problemCount.current }));
          },
        },
      ]}
    >
      <AttributeSchemaEditor name={props.name} handle={props.handle} problemCount={problemCount} />
    </Form.Item>
  );
}
