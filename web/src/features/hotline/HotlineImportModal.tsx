import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Select, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { HOTLINE_SOURCES, type HotlineSource } from '../../../../common/contracts/hotline.ts';
import { isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { hotlineApi, TEMPLATE_PATH, type HotlineImportResult } from './hotline.api.ts';
import { hotlineErrorText, label } from './labels.ts';

interface RowError {
  row: number;
  field: string;
  message: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (result: HotlineImportResult) => void;
}

function rowErrorsOf(error: unknown): RowError[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details.filter((d): d is RowError => typeof d === 'object' && d !== null && typeof (d as RowError).row === 'number' && typeof (d as RowError).message === 'string');
}

/** Upload a hotline export (xlsx or CSV); all or nothing, so a rejected file lists every problem by row and column. */
export function HotlineImportModal({ open, onClose, onImported }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [source, setSource] = useState<HotlineSource>('12345');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; rows: RowError[] } | null>(null);

  const reset = () => {
    setFile(null);
    setFailure(null);
  };
  const submit = async () => {
    if (!file) {
      void message.warning(t('hotline.import.chooseFile'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await hotlineApi.importFile(file, source);
      void message.success(t('hotline.import.done', { imported: result.imported }));
      if (result.skipped.length > 0) void message.info(t('hotline.import.skipped', { count: result.skipped.length }));
      reset();
      onImported(result);
    } catch (error) {
      setFailure({ text: hotlineErrorText(error, locale), rows: rowErrorsOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('hotline.import.title')}
      okText={t('hotline.import.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      okButtonProps={{ loading: busy, disabled: !file, 'data-testid': 'hotline-import-submit' }}
      width={720}
      destroyOnHidden
      data-testid="hotline-import-modal"
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={12} wrap justify="space-between">
          <Flex align="center" gap={8}>
            <Typography.Text>{t('hotline.import.source')}</Typography.Text>
            <Select<HotlineSource>
              value={source}
              onChange={setSource}
              options={HOTLINE_SOURCES.map((s) => ({ value: s, label: label(locale, 'source', s) }))}
              style={{ width: 160 }}
              data-testid="hotline-import-source"
            />
          </Flex>
          <Button icon={<DownloadOutlined />} href={TEMPLATE_PATH} data-testid="hotline-import-template">{t('hotline.import.template')}</Button>
        </Flex>
        <div data-testid="hotline-import-file">
          <Upload.Dragger
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'sheet', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              setFile(picked);
              setFailure(null);
              return false;
            }}
            onRemove={reset}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('hotline.import.drop')}</p>
            <p className="ant-upload-hint">{t('hotline.import.hint')}</p>
          </Upload.Dragger>
        </div>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure.rows.length > 0 ? t('hotline.import.errorsTitle', { count: failure.rows.length }) : failure.text}
            data-testid="hotline-import-error"
          />
        ) : null}
        {failure && failure.rows.length > 0 ? (
          <Table<RowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
            dataSource={failure.rows}
            pagination={failure.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: t('hotline.import.row'), dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : '—') },
              { title: t('hotline.import.column'), dataIndex: 'field', width: 110 },
              { title: t('hotline.import.problem'), dataIndex: 'message' },
            ]}
            data-testid="hotline-import-errors"
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
