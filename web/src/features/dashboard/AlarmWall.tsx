import type { MessageKey } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { alarmColor, alarmValue } from '../iot/AlarmMapLayer.tsx';
import type { LiveAlarm } from '../iot/useLiveAlarms.ts';
import { AutoScrollList } from './WallParts.tsx';

/** The 大屏's panel of open sensor alarms, newest first, live (the markers are on the map beside it). */
export function AlarmWall({ alarms, onOpen }: { alarms: LiveAlarm[]; onOpen: () => void }) {
  const { t } = useI18n();
  const raised = alarms.filter((a) => a.state === 'raised').length;
  return (
    <div
      className="cl-dash-panel cl-dash-fill"
      style={{ flexGrow: 2 }}
      data-testid="dash-alarms"
      data-count={alarms.length}
    >
      <h3>
        {t('iot.wall.title')} ({alarms.length}
        {raised ? (
          <span className="cl-dash-alarm-new">
            {' '}
            · {t('iot.alarms.state.raised')} {raised}
          </span>
        ) : null}
        )
      </h3>
      {alarms.length === 0 ? (
        <div className="cl-dash-empty">{t('iot.wall.none')}</div>
      ) : (
        <AutoScrollList testId="dash-alarm-list">
          {alarms.map((a) => (
            <li key={a.id} onClick={onOpen} data-state={a.state}>
              <span className="no">
                <i className="cl-dash-alarm-dot" style={{ background: alarmColor(a) }} />
                {a.deviceCode}
              </span>
              <span className="hours" style={{ color: alarmColor(a) }}>
                {a.kind === 'offline' ? t('iot.wall.offline') : alarmValue(a)}
              </span>
              <span className="sub">
                {t(`iot.type.${a.deviceType}` as MessageKey)} · {t(`iot.alarms.state.${a.state}` as MessageKey)}
                {a.caseNo ? ` · ${a.caseNo}` : ''} · {formatInstant(a.at)}
              </span>
            </li>
          ))}
        </AutoScrollList>
      )}
    </div>
  );
}
