import { Link } from 'react-router-dom';
import { Descriptions, Tag, Typography } from 'antd';
import type { SlaLevel } from '../../../../common/domain/case-channels.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { STATUS_COLORS, statusLabel } from '../cases/labels.ts';
import { SLA_COLORS } from '../cases/sla.ts';
import type { CaseMapPoint } from './case-map.api.ts';

/** What a case marker shows: number, matter, status, deadline, unit, and the way to the case page. */
export function CasePopup({ point }: { point: CaseMapPoint }) {
  const { t, locale } = useI18n();
  const level = point.sla as SlaLevel;
  return (
    <div data-testid="case-popup" style={{ minWidth: 200 }}>
      <Typography.Text strong copyable style={{ fontFamily: 'monospace' }} data-testid="case-popup-no">
        {point.caseNo}
      </Typography.Text>
      <Descriptions column={1} size="small" style={{ marginTop: 6 }}>
        <Descriptions.Item label={t('caseLayer.popup.matter')}>
          {point.matterName ?? point.matterCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('caseLayer.popup.status')}>
          <Tag color={STATUS_COLORS[point.status]} style={{ margin: 0 }}>
            {statusLabel(locale, point.status)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('caseLayer.popup.deadline')}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span style={{ width: 8, height: 8, borderRadius: 4, background: SLA_COLORS[level] ?? SLA_COLORS.none }} />
            {formatInstant(point.stepDeadline ?? point.handlingDeadline)}
            {level in SLA_COLORS && level !== 'none' ? ` · ${t(`caseLayer.sla.${level}`)}` : ''}
          </span>
        </Descriptions.Item>
        {point.unitName ? (
          <Descriptions.Item label={t('caseLayer.popup.unit')}>{point.unitName}</Descriptions.Item>
        ) : null}
        {point.address ? (
          <Descriptions.Item label={t('caseLayer.popup.address')}>{point.address}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <Link to={`/cases/${encodeURIComponent(point.id)}`} data-testid="case-popup-open">
        {t('caseLayer.popup.open')}
      </Link>
    </div>
  );
}
