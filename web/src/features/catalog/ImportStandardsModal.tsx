import { useState } from 'react';
import { Alert, App, Flex, Modal, Radio, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportRowError } from '../../../../common/contracts/catalog.ts';
import { errorText, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { catalogApi, type ImportMode, type ImportResult } from './catalog.api.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}

function isRowError(value: unknown): value is ImportRowError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.row === 'number' && typeof v.field === 'string' && typeof v.message === 'string';
}

/** The per-row problems of a rejected workbook (400 CATALOG_IMPORT_INVALID / CATALOG_SHEET_INVALID details). */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details.filter(isRowError);
}

/** Upload the bureau's 立结案标准 workbook; all or nothing, so a rejected file lists every problem by row and column. */
export function ImportStandardsModal({ open, onClose, onImported }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<ImportMode>('append');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; rows: ImportRowError[] } | null>(null);

  const reset = () => {
    setFile(null);
    setFailure(null);
    setMode('append');
  };

  const submit = async () => {
    if (!file) {
      void message.warning(t('catalog.import.chooseFile'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await catalogApi.importSheet(file, mode);
      void message.success(result.mode === 'replace'
        ? t('catalog.import.replaced', { imported: result.imported, replacedMatters: result.replacedMatters, removed: result.removed })
        : t('catalog.import.done', { imported: result.imported }));
      reset();
      onImported(result);
    } catch (error) {
      setFailure({ text: errorText(error, locale), rows: rowErrorsOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('catalog.import.title')}
      okText={t('catalog.import.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      okButtonProps={{ loading: busy, disabled: !file, 'data-testid': 'standards-import-submit' }}
      width={720}
      destroyOnHidden
      data-testid="standards-import-modal"
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text>{t('catalog.import.mode.label')}</Typography.Text>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={[
              { value: 'append', label: t('catalog.import.mode.append') },
              { value: 'replace', label: t('catalog.import.mode.replace') },
            ]}
            data-testid="standards-import-mode"
          />
        </Flex>
        <div data-testid="standards-import-file">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'sheet', name: file.name, status: 'done' }] : []}
          beforeUpload={(picked) => {
            setFile(picked);
            setFailure(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setFailure(null);
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('catalog.import.drop')}</p>
          <p className="ant-upload-hint">{t('catalog.import.hint')}</p>
        </Upload.Dragger>
        </div>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure.rows.length > 0 ? t('catalog.import.errorsTitle', { count: failure.rows.length }) : failure.text}
            description={failure.rows.length > 0 ? failure.text : undefined}
            data-testid="standards-import-error"
          />
        ) : null}
        {failure && failure.rows.length > 0 ? (
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
            dataSource={failure.rows}
            pagination={failure.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: t('catalog.import.row'), dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : '—') },
              { title: t('catalog.import.column'), dataIndex: 'field', width: 130 },
              { title: t('catalog.import.problem'), dataIndex: 'message' },
            ]}
            data-testid="standards-import-errors"
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
