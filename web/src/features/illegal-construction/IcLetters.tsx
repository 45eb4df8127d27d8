import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { IC_LETTER_KINDS, type IcLetterKind } from '../../../../common/domain/illegal-construction.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem, TownshipSelect } from './fields.tsx';
import { icApi, type IcLetter } from './ic.api.ts';

interface Filters {
  kind?: IcLetterKind;
  regionId?: string;
  replied?: boolean;
}

interface LetterValues {
  kind: IcLetterKind;
  letterNo: string;
  regionId: string;
  subject: string;
  issuedOn: string;
  deadline: string;
}

function LetterModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<LetterValues>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: LetterValues) => {
    await icApi.createLetter({ ...v, letterNo: v.letterNo.trim(), subject: v.subject.trim() });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('illegalConstruction.action.createLetter')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ic-letter-submit"
    >
      <Form<LetterValues> form={form} layout="vertical" name="ic-letter" onFinish={(v) => void run(v)}>
        <Form.Item name="kind" label={t('illegalConstruction.field.kind')} rules={required} initialValue="assign">
          <Select
            options={IC_LETTER_KINDS.map((k) => ({ value: k, label: t(`illegalConstruction.letterKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="letterNo" label={t('illegalConstruction.field.letterNo')} rules={[...required, { max: 40 }]}>
          <Input data-testid="ic-letter-no" />
        </Form.Item>
        <Form.Item name="regionId" label={t('illegalConstruction.field.township')} rules={required}>
          <TownshipSelect testId="ic-letter-region" />
        </Form.Item>
        <Form.Item name="subject" label={t('illegalConstruction.field.subject')} rules={[...required, { max: 300 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <DateItem name="issuedOn" label={t('illegalConstruction.field.issuedOn')} required testId="ic-letter-issued" />
        <DateItem
          name="deadline"
          label={t('illegalConstruction.field.deadline')}
          required
          testId="ic-letter-deadline"
        />
      </Form>
    </FormModal>
  );
}

function ReplyModal({
  letter,
  onClose,
  onSaved,
}: {
  letter: IcLetter | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ repliedOn: string; reply: string }>();
  useEffect(() => {
    if (letter) form.resetFields();
  }, [letter, form]);
  const { submitting, run } = useFormSubmit(form, async (v: { repliedOn: string; reply: string }) => {
    if (!letter) return;
    await icApi.replyLetter(letter.id, { repliedOn: v.repliedOn, reply: v.reply.trim() });
    onSaved();
  });
  return (
    <FormModal
      open={letter !== null}
      title={`${t('illegalConstruction.action.reply')} ${letter?.letterNo ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="ic-reply-submit"
    >
      <Form form={form} layout="vertical" name="ic-reply" onFinish={(v) => void run(v)}>
        <DateItem name="repliedOn" label={t('illegalConstruction.field.repliedOn')} required testId="ic-reply-date" />
        <Form.Item
          name="reply"
          label={t('illegalConstruction.field.reply')}
          rules={[{ required: true, message: t('validation.required') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} data-testid="ic-reply-text" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 交办函 / 督办函 to townships: deadline, reply, and which are overdue. */
export function IcLetters() {
  const { t } = useI18n();
  const list = useCrudList<IcLetter, Filters>();
  const canManage = useAuth().can('construction.manage');
  const [replying, setReplying] = useState<IcLetter | null>(null);
  const fetchPage = useCallback<FetchPage<IcLetter, Filters>>((r, signal) => icApi.letters(r, signal), []);
  const columns: TableColumnsType<IcLetter> = [
    { title: t('illegalConstruction.field.letterNo'), key: 'letterNo', sorter: true, render: (_, l) => l.letterNo },
    {
      title: t('illegalConstruction.field.kind'),
      key: 'kind',
      render: (_, l) => t(`illegalConstruction.letterKind.${l.kind}`),
    },
    { title: t('illegalConstruction.field.township'), key: 'region', render: (_, l) => l.regionName ?? '—' },
    { title: t('illegalConstruction.field.subject'), key: 'subject', responsive: ['lg'], render: (_, l) => l.subject },
    { title: t('illegalConstruction.field.issuedOn'), key: 'issuedOn', sorter: true, render: (_, l) => l.issuedOn },
    { title: t('illegalConstruction.field.deadline'), key: 'deadline', sorter: true, render: (_, l) => l.deadline },
    {
      title: t('illegalConstruction.field.reply'),
      key: 'reply',
      render: (_, l) =>
        l.repliedOn ? (
          <Tag color="success" title={l.reply ?? ''}>
            {`${t('illegalConstruction.replied')} ${l.repliedOn}`}
          </Tag>
        ) : l.overdue ? (
          <Tag color="error" data-testid={`ic-letter-overdue-${l.id}`}>
            {t('illegalConstruction.overdue')}
          </Tag>
        ) : (
          <Tag>{t('illegalConstruction.awaiting')}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, l: IcLetter) =>
              l.repliedOn ? null : (
                <Button type="link" size="small" onClick={() => setReplying(l)} data-testid={`ic-reply-${l.id}`}>
                  {t('illegalConstruction.action.reply')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <ListPage<IcLetter, Filters>
      list={list}
      testId="ic-letters"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(l) => l.id}
      defaultSort={{ sort: 'issuedOn', order: 'desc' }}
      searchPlaceholder={t('illegalConstruction.search.letters')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="kind"
            codes={IC_LETTER_KINDS}
            label={(c) => t(`illegalConstruction.letterKind.${c}`)}
            placeholder={t('illegalConstruction.filter.kind')}
            width={130}
          />
          <Select<'yes' | 'no'>
            allowClear
            placeholder={t('illegalConstruction.filter.replied')}
            style={{ width: 130 }}
            value={list.filters.replied === undefined ? undefined : list.filters.replied ? 'yes' : 'no'}
            onChange={(v) => list.setFilter('replied', v === undefined ? undefined : v === 'yes')}
            options={[
              { value: 'yes', label: t('illegalConstruction.replied') },
              { value: 'no', label: t('illegalConstruction.awaiting') },
            ]}
            data-testid="ic-letters-filter-replied"
          />
          <TownshipSelect
            placeholder={t('illegalConstruction.filter.township')}
            value={list.filters.regionId}
            onChange={(regionId) => list.setFilter('regionId', regionId ?? undefined)}
            testId="ic-letters-filter-region"
          />
        </>
      }
      exportPath="/api/exports/construction-letters.xlsx"
      actions={<ExportButton path="/api/exports/construction-letters.csv" query={list.filters} label="CSV" />}
      createLabel={canManage ? t('illegalConstruction.action.createLetter') : undefined}
    >
      <LetterModal open={list.target === 'new'} onClose={list.close} onSaved={() => list.saved()} />
      <ReplyModal
        letter={replying}
        onClose={() => setReplying(null)}
        onSaved={() => {
          setReplying(null);
          list.saved();
        }}
      />
    </ListPage>
  );
}
