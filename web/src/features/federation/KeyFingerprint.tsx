import { useEffect, useState } from 'react';
import { Alert, Typography } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import { fingerprintOfKey } from './fingerprint.ts';

/** Shows the fingerprint of the key being pasted, to read aloud with the peer before saving. */
export function KeyFingerprint({ value }: { value: string | undefined }) {
  const { t } = useI18n();
  const [fp, setFp] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fingerprintOfKey(value ?? '').then((f) => live && setFp(f));
    return () => {
      live = false;
    };
  }, [value]);
  if (!fp) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="fed-key-fingerprint"
      message={t('federation.peer.readAloud')}
      description={
        <Typography.Text code style={{ fontSize: 15, wordBreak: 'break-word' }}>
          {fp}
        </Typography.Text>
      }
    />
  );
}
