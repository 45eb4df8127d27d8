import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';

export function ImportButton({
  label,
  accept,
  run,
  testId,
}: {
  label: string;
  accept: string;
  run: (f: File) => Promise<string>;
  testId: string;
}) {
  const { message, modal } = App.useApp();
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File) => {
    setBusy(true);
    try {
      void message.success(await run(file));
    } catch (err) {
      const details = (err as { details?: { field: string; message: string }[] }).details;
      modal.error({
        title: t('assets.import.failed'),
        content: (
          <div style={{ maxHeight: 320, overflow: 'auto' }}>
            {Array.isArray(details)
              ? details.slice(0, 50).map((d) => <div key={`${d.field}${d.message}`}>{`${d.field}：${d.message}`}</div>)
              : errorText(err, locale)}
          </div>
        ),
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void pick(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
