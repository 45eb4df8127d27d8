import { Link } from 'react-router-dom';
import { Descriptions, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import { STATUS_COLORS, type SiteFeature } from './ic.api.ts';

/** What a 查违控违 site shows on 一张图: its address, status, township and report date, and the way to the register. */
export function IcSitePopup({ site }: { site: SiteFeature }) {
  const { t } = useI18n();
  const p = site.properties;
  return (
    <div data-testid="ic-popup" style={{ minWidth: 180 }}>
      <Typography.Text strong data-testid="ic-popup-name">
        {p.address}
      </Typography.Text>
      <Descriptions column={1} size="small" style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('icLayer.popup.status')}>
          <Tag color={STATUS_COLORS[p.status]} style={{ margin: 0 }} data-testid="ic-popup-status">
            {t(`illegalConstruction.status.${p.status}`)}
          </Tag>
        </Descriptions.Item>
        {p.regionName ? <Descriptions.Item label={t('icLayer.popup.region')}>{p.regionName}</Descriptions.Item> : null}
        <Descriptions.Item label={t('icLayer.popup.reportedOn')}>{p.reportedOn}</Descriptions.Item>
      </Descriptions>
      <Link to="/illegal-construction" data-testid="ic-popup-open">
        {t('icLayer.popup.open')}
      </Link>
    </div>
  );
}
