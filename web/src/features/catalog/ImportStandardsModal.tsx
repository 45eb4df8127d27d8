import { useState } from 'react';
import { App, Flex, Radio, Typography } from 'antd';
import type { ImportRowError } from '../../../../common/contracts/catalog.ts';
import { errorText } from '../../api/errors.ts';
import { SheetImportModal, sheetImportTexts } from '../../components/SheetImportModal.tsx';
import { useI18n } from '../../i18n/context.ts';
import { catalogApi, type ImportMode, type ImportResult } from './catalog.api.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}

/** A per-row problem of a rejected workbook (400 CATALOG_IMPORT_INVALID / CATALOG_SHEET_INVALID details). */
function isRowError(value: unknown): value is ImportRowError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.row === 'number' && typeof v.field === 'string' && typeof v.message === 'string';
}

/** Upload the bureau's 立结案标准 workbook; all or nothing, so a rejected file lists every problem by row and column. */
export function ImportStandardsModal({ open, onClose, onImported }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<ImportMode>('append');

  return (
    <SheetImportModal<ImportResult>
      open={open}
      onClose={onClose}
      testId="standards-import"
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      texts={sheetImportTexts(t, 'catalog.import')}
      columnWidth={130}
      describeRows
      errorText={errorText}
      isRowError={isRowError}
      upload={(file, onProgress) => catalogApi.importSheet(file, mode, onProgress)}
      onReset={() => setMode('append')}
      onImported={(result) => {
        void message.success(
          result.mode === 'replace'
            ? t('catalog.import.replaced', {
                imported: result.imported,
                replacedMatters: result.replacedMatters,
                removed: result.removed,
              })
            : t('catalog.import.done', { imported: result.imported }),
        );
        onImported(result);
      }}
      options={
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
      }
    />
  );
}
