import { useState } from 'react';
import { App, Button, Flex, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { HOTLINE_SOURCES, type HotlineSource } from '../../../../common/contracts/hotline.ts';
import { SheetImportModal, sheetImportTexts, type SheetRowError } from '../../components/SheetImportModal.tsx';
import { useI18n } from '../../i18n/context.ts';
import { hotlineApi, TEMPLATE_PATH, type HotlineImportResult } from './hotline.api.ts';
import { hotlineErrorText, label } from './labels.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (result: HotlineImportResult) => void;
}

function isRowError(d: unknown): d is SheetRowError {
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof (d as SheetRowError).row === 'number' &&
    typeof (d as SheetRowError).message === 'string'
  );
}

/** Upload a hotline export (xlsx or CSV); all or nothing, so a rejected file lists every problem by row and column. */
export function HotlineImportModal({ open, onClose, onImported }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [source, setSource] = useState<HotlineSource>('12345');

  return (
    <SheetImportModal<HotlineImportResult>
      open={open}
      onClose={onClose}
      testId="hotline-import"
      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      texts={sheetImportTexts(t, 'hotline.import')}
      columnWidth={110}
      errorText={hotlineErrorText}
      isRowError={isRowError}
      upload={(file, onProgress) => hotlineApi.importFile(file, source, onProgress)}
      onImported={(result) => {
        void message.success(t('hotline.import.done', { imported: result.imported }));
        if (result.skipped.length > 0) void message.info(t('hotline.import.skipped', { count: result.skipped.length }));
        onImported(result);
      }}
      options={
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
          <Button icon={<DownloadOutlined />} href={TEMPLATE_PATH} data-testid="hotline-import-template">
            {t('hotline.import.template')}
          </Button>
        </Flex>
      }
    />
  );
}
