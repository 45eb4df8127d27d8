import { useRef, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { DeleteOutlined, EditOutlined, FunctionOutlined } from '@ant-design/icons';
import type { YearbookSection } from '../../../../common/contracts/yearbook.ts';
import { errorText, fieldErrorsOf } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { FigurePicker } from './FigurePicker.tsx';
import { yearbookApi, type YearbookDocument } from './yearbook.api.ts';
import { insertAt } from './yearbook-prose.ts';

interface Props {
  doc: YearbookDocument;
  section: YearbookSection;
  canEdit: boolean;
  onChanged: (doc: YearbookDocument) => void;
}

/** The messages of the server's field details for one body field (400: a bad placeholder, a too long heading). */
const messagesFor = (error: unknown, field: string) =>
  fieldErrorsOf(error)
    .filter((d) => d.field === field)
    .map((d) => d.message);

/** One section: its prose with the figures resolved now (view), or the raw prose with placeholders (edit). */
export function SectionCard({ doc, section, canEdit, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [heading, setHeading] = useState(section.heading);
  const [body, setBody] = useState(section.body);
  const [errors, setErrors] = useState<{ heading: string[]; body: string[] }>({ heading: [], body: [] });
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const area = useRef<TextAreaRef>(null);
  const labels = new Map(doc.figures.map((f) => [`${f.key}|${f.period}`, f.label]));

  const start = () => {
    setHeading(section.heading);
    setBody(section.body);
    setErrors({ heading: [], body: [] });
    setEditing(true);
  };

  const insert = (token: string) => {
    const el = area.current?.resizableTextArea?.textArea;
    const from = el ? el.selectionStart : body.length;
    const to = el ? el.selectionEnd : body.length;
    const next = insertAt(body, from, to, token);
    setBody(next.body);
    setPicking(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const save = async () => {
    setBusy(true);
    try {
      onChanged(await yearbookApi.writeSection(doc.id, section.id, { heading, body }, locale));
      setEditing(false);
      void message.success(t('yearbook.section.saved'));
    } catch (err) {
      const next = { heading: messagesFor(err, 'body.heading'), body: messagesFor(err, 'body.body') };
      setErrors(next);
      if (!next.heading.length && !next.body.length) void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      onChanged(await yearbookApi.deleteSection(doc.id, section.id, locale));
      void message.success(t('yearbook.section.removed'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const title = (
    <span>
      {section.number}
      {section.heading || (editing ? '' : t('yearbook.section.untitled'))}
    </span>
  );
  const actions =
    canEdit && !editing ? (
      <Flex gap={4}>
        <Button size="small" icon={<EditOutlined />} onClick={start} data-testid={`section-edit-${section.id}`}>
          {t('yearbook.section.edit')}
        </Button>
        <Popconfirm title={t('yearbook.section.removeConfirm')} onConfirm={() => void remove()}>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('yearbook.section.remove')}
            data-testid={`section-remove-${section.id}`}
          />
        </Popconfirm>
      </Flex>
    ) : null;

  return (
    <Card size="small" title={title} extra={actions} data-testid={`section-${section.id}`} style={{ marginBottom: 12 }}>
      {editing ? (
        <Form layout="vertical" onFinish={() => void save()}>
          <Form.Item
            label={t('yearbook.section.heading')}
            validateStatus={errors.heading.length ? 'error' : undefined}
            help={errors.heading.length ? errors.heading.join('；') : undefined}
          >
            <Input
              value={heading}
              maxLength={200}
              onChange={(e) => setHeading(e.target.value)}
              data-testid="section-heading"
            />
          </Form.Item>
          <Form.Item
            label={t('yearbook.section.body')}
            validateStatus={errors.body.length ? 'error' : undefined}
            help={
              errors.body.length ? (
                <div data-testid="section-body-error">
                  {errors.body.map((m) => (
                    <div key={m}>{m}</div>
                  ))}
                </div>
              ) : (
                t('yearbook.section.bodyHint')
              )
            }
          >
            <Input.TextArea
              ref={area}
              value={body}
              autoSize={{ minRows: 4, maxRows: 18 }}
              maxLength={20000}
              onChange={(e) => setBody(e.target.value)}
              data-testid="section-body"
            />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button icon={<FunctionOutlined />} onClick={() => setPicking(true)} data-testid="section-insert-figure">
              {t('yearbook.insert.button')}
            </Button>
            <span style={{ flex: 1 }} />
            <Button onClick={() => setEditing(false)} data-testid="section-cancel">
              {t('yearbook.section.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="section-save">
              {t('yearbook.section.save')}
            </Button>
          </Flex>
          <FigurePicker open={picking} year={doc.year} onClose={() => setPicking(false)} onInsert={insert} />
        </Form>
      ) : section.paragraphs.length ? (
        section.paragraphs.map((segs, i) => (
          <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 8 }}>
            {segs.map((s, j) =>
              'key' in s ? (
                <Tooltip
                  key={j}
                  title={t('yearbook.section.figureTip', {
                    label: labels.get(`${s.key}|${s.period}`) ?? s.key,
                    key: s.key,
                    period: s.period,
                  })}
                >
                  <mark
                    data-testid="yearbook-figure"
                    data-figure={`${s.key}|${s.period}`}
                    style={{ background: '#e6f4ff', color: '#0958d9', padding: '0 2px', borderRadius: 3 }}
                  >
                    {s.text}
                  </mark>
                </Tooltip>
              ) : (
                <span key={j}>{s.text}</span>
              ),
            )}
          </Typography.Paragraph>
        ))
      ) : (
        <Typography.Text type="secondary">{t('yearbook.section.emptyBody')}</Typography.Text>
      )}
    </Card>
  );
}
