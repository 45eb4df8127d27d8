import { useState, type ReactNode } from 'react';
import { Alert, App, Flex, Modal, Progress, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { isApiError } from '../api/errors.ts';
import type { Locale, MessageKey } from '../../../common/i18n/core.ts';
import { useI18n, type Translate } from '../i18n/context.ts';

/** One problem of a rejected sheet: 1-based row (0 = the file as a whole), column name, message. */
export interface SheetRowError {
  row: number;
  field: string;
  message: string;
}

/** The per-row problems carried in an API error's details, as told apart by `isRowError`. */
function sheetRowErrors<E extends SheetRowError>(error: unknown, isRowError: (value: unknown) => value is E): E[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details.filter(isRowError);
}

/** Every text of the dialog, already translated by the caller. */
export interface SheetImportTexts {
  title: string;
  submit: string;
  chooseFile: string;
  drop: string;
  hint: string;
  errorsTitle: (count: number) => string;
  row: string;
  column: string;
  problem: string;
  /** while the server works on the file: rows read so far, and of how many when known */
  progress: (rowsDone: number, rowsTotal: number | null) => string;
}

/** How far the server is with the file (an import runs as a job; docs/imports.md). */
export interface SheetImportProgress {
  rowsDone: number;
  rowsTotal: number | null;
}

type TextKey = 'title' | 'submit' | 'chooseFile' | 'drop' | 'hint' | 'errorsTitle' | 'row' | 'column' | 'problem';

/** The dialog's texts from the keys `<prefix>.title`, `.submit`, …, `.problem` (all of which must exist). */
export function sheetImportTexts<P extends string>(
  t: Translate,
  prefix: P & (`${P}.${TextKey}` extends MessageKey ? unknown : never),
): SheetImportTexts {
  const text = (key: TextKey, params?: { count: number }) => t(`${prefix}.${key}` as MessageKey, params);
  return {
    title: text('title'),
    submit: text('submit'),
    chooseFile: text('chooseFile'),
    drop: text('drop'),
    hint: text('hint'),
    errorsTitle: (count) => text('errorsTitle', { count }),
    row: text('row'),
    column: text('column'),
    problem: text('problem'),
    progress: (rowsDone, rowsTotal) =>
      rowsTotal === null
        ? t('imports.progress.read', { done: rowsDone })
        : t('imports.progress.of', { done: rowsDone, total: rowsTotal }),
  };
}

interface Props<R> {
  open: boolean;
  onClose: () => void;
  texts: SheetImportTexts;
  /** Prefix of the test ids: `<testId>-modal`, `-submit`, `-file`, `-error`, `-errors`. */
  testId: string;
  accept: string;
  /** Rendered above the dragger (mode, source, template link…). */
  options: ReactNode;
  /** Uploads and follows the import to its end, reporting progress as the server reads rows. */
  upload: (file: File, onProgress: (progress: SheetImportProgress) => void) => Promise<R>;
  /** After a successful upload; the dialog has already been reset. */
  onImported: (result: R) => void;
  /** Called with the file and failure cleared on success and on cancel (to reset the caller's options). */
  onReset?: () => void;
  errorText: (error: unknown, locale: Locale) => string;
  isRowError: (value: unknown) => value is SheetRowError;
  /** Repeat the error text as the alert's description when rows are listed. */
  describeRows?: boolean;
  columnWidth: number;
}

/** Upload a spreadsheet; all or nothing, so a rejected file lists every problem by row and column. */
export function SheetImportModal<R>(props: Props<R>) {
  const { open, onClose, texts, testId, upload, onImported, onReset, errorText, isRowError } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; rows: SheetRowError[] } | null>(null);
  const [progress, setProgress] = useState<SheetImportProgress | null>(null);

  const clear = () => {
    setFile(null);
    setFailure(null);
  };
  const reset = () => {
    clear();
    onReset?.();
  };
  const submit = async () => {
    if (!file) {
      void message.warning(texts.chooseFile);
      return;
    }
    setBusy(true);
    setFailure(null);
    setProgress({ rowsDone: 0, rowsTotal: null });
    try {
      const result = await upload(file, setProgress);
      reset();
      onImported(result);
    } catch (error) {
      setFailure({ text: errorText(error, locale), rows: sheetRowErrors(error, isRowError) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Modal
      open={open}
      title={texts.title}
      okText={texts.submit}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      okButtonProps={{ loading: busy, disabled: !file, 'data-testid': `${testId}-submit` }}
      width={720}
      destroyOnHidden
      data-testid={`${testId}-modal`}
    >
      <Flex vertical gap={12}>
        {props.options}
        <div data-testid={`${testId}-file`}>
          <Upload.Dragger
            accept={props.accept}
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'sheet', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              setFile(picked);
              setFailure(null);
              return false;
            }}
            onRemove={clear}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{texts.drop}</p>
            <p className="ant-upload-hint">{texts.hint}</p>
          </Upload.Dragger>
        </div>
        {busy && progress ? (
          <div data-testid={`${testId}-progress`}>
            <Progress
              percent={
                progress.rowsTotal ? Math.min(99, Math.floor((progress.rowsDone / progress.rowsTotal) * 100)) : 0
              }
              status="active"
              showInfo={progress.rowsTotal !== null}
            />
            <Typography.Text type="secondary">{texts.progress(progress.rowsDone, progress.rowsTotal)}</Typography.Text>
          </div>
        ) : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure.rows.length > 0 ? texts.errorsTitle(failure.rows.length) : failure.text}
            description={props.describeRows && failure.rows.length > 0 ? failure.text : undefined}
            data-testid={`${testId}-error`}
          />
        ) : null}
        {failure && failure.rows.length > 0 ? (
          <Table<SheetRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
            dataSource={failure.rows}
            pagination={failure.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: texts.row, dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : '—') },
              { title: texts.column, dataIndex: 'field', width: props.columnWidth },
              { title: texts.problem, dataIndex: 'message' },
            ]}
            data-testid={`${testId}-errors`}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
