import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Query } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';
import { downloadFile } from './download.ts';

export interface ExportButtonProps {
  /** the export route, e.g. /api/exports/cases.xlsx */
  path: string;
  /**
   * What the list shows (the same names as the list route's query: filters, `q`, `sort`, `order`); values that are
   * not a string, number or boolean are left out. A PagedTable with `exportPath` passes its own current query.
   */
  query?: object;
  testId?: string;
  label?: string;
}

/** "Export Excel" for a console list: the list's query, every page, as .xlsx. */
export function ExportButton({ path, query, testId, label }: ExportButtonProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const sent: Query = {};
      for (const [k, v] of Object.entries(query ?? {})) {
        if (typeof v === 'string' ? v.trim() !== '' : ['number', 'boolean'].includes(typeof v))
          sent[k] = v as string | number | boolean;
      }
      await downloadFile(path, sent, locale, path.split('/').pop() ?? 'export.xlsx');
    } catch (err) {
      void message.error(t('exports.failed', { message: errorText(err, locale) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId ?? 'export-xlsx'}>
      {label ?? t('exports.button')}
    </Button>
  );
}
