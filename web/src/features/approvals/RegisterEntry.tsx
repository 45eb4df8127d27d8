import { useEffect, useState } from 'react';
import { Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { assetsApi } from '../assets/assets.api.ts';
import { ylApi } from '../yellow-line/yl.api.ts';

type Kind = 'outdoor_ad' | 'yellow_line' | 'asset' | 'permit';

/** Where each register lives in the console and who may read it. */
const PAGES: Partial<Record<Kind, { path: string; permission: string }>> = {
  outdoor_ad: { path: '/outdoor-ads', permission: 'ads.read' },
  yellow_line: { path: '/yellow-line', permission: 'yellowline.read' },
  asset: { path: '/data/assets', permission: 'assets.read' },
};

const kindOf = (register: string): Kind =>
  register === 'outdoor_ad' || register === 'yellow_line' || register === 'asset' ? register : 'permit';

/**
 * The register entry a grant wrote: the register by name, the entry's number (the 黄线's zone number, the 渣土
 * entry's code) when the reader may see it, and a link to the register's page.
 */
export function RegisterEntry({ entry }: { entry: { register: string; id: string } }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const kind = kindOf(entry.register);
  const page = PAGES[kind];
  const readable = page ? can(page.permission) : false;
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    setLabel(null);
    if (!readable) return undefined;
    const controller = new AbortController();
    const found =
      kind === 'yellow_line'
        ? ylApi.zone(entry.id, controller.signal).then((z) => `${z.zoneNo} ${z.holderName}`)
        : kind === 'asset'
          ? assetsApi.item(entry.id, controller.signal).then((a) => `${a.code} ${a.name}`)
          : null;
    found?.then(setLabel, () => undefined);
    return () => controller.abort();
  }, [kind, entry.id, readable]);
  return (
    <Space direction="vertical" size={0} data-testid="ap-register">
      <span>{t(`approvals.register.${kind}`)}</span>
      {label ? <Typography.Text strong>{label}</Typography.Text> : null}
      {page && readable ? <Link to={page.path}>{t('approvals.registerOpen')}</Link> : null}
    </Space>
  );
}
