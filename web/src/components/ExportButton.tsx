import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Query } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useI18n } from '../i18n/context.ts';
import { downloadFile } from './download.ts';

export interface ExportButtonProps {
  /** the export route, e.g. /api/exports/cases.xlsx */
  path: string;
  /** the list's current filters (the same names as the list route's query) */
  filters?: object;
  /**
   * testId of the PagedTable beside the button: its search box text goes along as `q`, so the workbook holds what
   * the list shows (PagedTable keeps the search text to itself).
   */
  tableTestId?: string;
  testId?: string;
  label?: string;
}

/** "Export Excel" for a console list: the list's filters and search, every page, as .xlsx. */
export function ExportButton({ path, filters, tableTestId, testId, label }: ExportButtonProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);

  const searchText = (): string | undefined => {
    if (!tableTestId) return undefined;
    const scope = ref.current?.closest('.ant-flex-vertical') ?? document;
    const input = scope.querySelector<HTMLInputElement>(`[data-testid="${tableTestId}-search"] input, input[data-testid="${tableTestId}-search"]`);
    return input?.value.trim() || undefined;
  };

  const run = async () => {
    setBusy(true);
    try {
      const query: Query = {};
      for (const [k, v] of Object.entries(filters ?? {})) {
        if (['string', 'number', 'boolean'].includes(typeof v)) query[k] = v as string | number | boolean;
      }
      const q = searchText();
      if (q) query.q = q;
      await downloadFile(path, query, locale, path.split('/').pop() ?? 'export.xlsx');
    } catch (err) {
      void message.error(t('exports.failed', { message: errorText(err, locale) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span ref={ref}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId ?? 'export-xlsx'}>
        {label ?? t('exports.button')}
      </Button>
    </span>
  );
}
