import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { tryT } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { openPinMap } from '../../phone/open-pin-map.ts';
import { buttonClass } from '../../phone/ui/controls.tsx';
import { Alert, Details, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import { PhotoViewer } from '../../phone/ui/PhotoViewer.tsx';
import { h5Api, type CaseDetail } from '../api/h5.api.ts';
import { useTenantInfo } from '../api/tenant-info.ts';
import { useH5Role } from '../auth/h5-role.ts';
import { loadStreets } from '../report/streets.ts';
import { amapMarkerUrl, geoUri } from './navigation.ts';
import { HandlerActions } from './HandlerActions.tsx';
import { TaskActions } from './TaskActions.tsx';

function SpotMap({ lat, lng }: { lat: number; lng: number }) {
  const el = useRef<HTMLDivElement>(null);
  const tenantId = useAuth().me?.user.tenantId ?? '';
  const { info, settled } = useTenantInfo();
  // Opened once the city is known; a fresher copy arriving later does not rebuild the map.
  const basemap = useRef(info?.basemap ?? null);
  basemap.current = info?.basemap ?? null;
  useEffect(() => {
    if (!el.current || !settled) return;
    const controller = new AbortController();
    const close = openPinMap(
      el.current,
      { pick: false, start: { lat, lng }, zoom: 16, basemap: basemap.current },
      (map) => {
        map.setPin({ lat, lng }, { pan: false });
        void loadStreets(tenantId, controller.signal).then(
          (layer) => layer && !controller.signal.aborted && map.setLayer(layer),
        );
      },
    );
    return () => {
      controller.abort();
      close();
    };
  }, [lat, lng, tenantId, settled]);
  return <div ref={el} className="phone-map h5-map h5-spot-map" data-testid="h5-task-map" />;
}

function Photos({ detail, phase, title }: { detail: CaseDetail; phase: string; title: string }) {
  const { t } = useI18n();
  const [viewing, setViewing] = useState<number | null>(null);
  const photos = detail.photos.filter((p) => p.phase === phase);
  return (
    <section className="phone-section h5-section" data-testid={`h5-task-photos-${phase}`}>
      <h2 className="h5-section-title">{title}</h2>
      {photos.length === 0 ? (
        <span className="ph-muted">{t('h5.task.noPhotos')}</span>
      ) : (
        <div className="phone-photos h5-task-photos">
          {photos.map((p, index) => (
            <button
              key={p.id}
              type="button"
              className="phone-photo h5-photo-button"
              onClick={() => setViewing(index)}
              aria-label={`${t('h5.photo.view')} ${index + 1}`}
            >
              <img src={p.thumbUrl} alt="" />
            </button>
          ))}
        </div>
      )}
      <PhotoViewer
        photos={photos}
        index={viewing}
        onIndex={setViewing}
        labels={{ title: title, previous: t('h5.photo.previous'), next: t('h5.photo.next'), close: t('common.close') }}
      />
    </section>
  );
}

/** What the handler reported back (the latest 处置反馈 row): the inspector checks the result against it. */
function ReportBack({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const event = [...detail.timeline].reverse().find((e) => e.action === 'report_back');
  if (!event) return null;
  return (
    <section className="phone-section h5-section" data-testid="h5-task-report-back">
      <h2 className="h5-section-title">{t('h5.task.reportBack')}</h2>
      <p className="h5-task-description" data-testid="h5-task-report-back-note">
        {event.note ?? <span className="ph-muted">{t('h5.task.reportBackNoNote')}</span>}
      </p>
      <span className="ph-muted">
        {t('h5.task.reportBackBy', { name: event.actorName ?? '—', at: formatInstant(event.at) })}
      </span>
    </section>
  );
}

/** One 核实/核查 task or case to handle: the case, where it is (with navigation), its photos, and the actions. */
export function TaskPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const handler = useH5Role() === 'handler';
  const task = useResource<CaseDetail>((signal) => h5Api.caseDetail(id, signal), [id], { resetOnChange: true });
  const { data: detail } = task;
  const error = task.error ? errorText(task.error, locale) : null;

  if (error && !detail)
    return <Alert type="error" title={t('h5.task.notFound')} description={error} data-testid="h5-task-error" />;
  if (!detail) return <Loading label={t('app.loading')} />;

  const label = detail.matterName ?? detail.matterCode;
  const checking = detail.status === 'checking';
  const kind = checking ? 'h5.task.kindCheck' : handler ? 'h5handler.kind' : 'h5.task.kindVerify';
  return (
    <div data-testid="h5-task" data-status={detail.status}>
      <section className="phone-section h5-section">
        <div className="h5-section-title">
          <span>{t(kind)}</span>
          <Tag color={detail.overdue ? 'red' : 'blue'}>
            {tryT(locale, `cases.status.${detail.status}`) ?? detail.status}
          </Tag>
        </div>
        <h2 className="h5-task-matter">{label}</h2>
        <p className="h5-task-description">{detail.description}</p>
        <Details
          rows={[
            {
              key: 'no',
              label: t('h5.task.caseNo'),
              value: <span data-testid="h5-task-case-no">{detail.caseNo}</span>,
            },
            { key: 'addr', label: t('h5.report.address'), value: detail.address || '—' },
            {
              key: 'area',
              label: t('h5.task.area'),
              value: [detail.streetName, detail.communityName].filter(Boolean).join(' ') || '—',
            },
            { key: 'at', label: t('h5.task.reportedAt'), value: formatInstant(detail.reportedAt) },
            { key: 'due', label: t('h5.task.due'), value: formatInstant(detail.stepDeadline) },
          ]}
        />
      </section>
      <section className="phone-section h5-section">
        <SpotMap lat={detail.lat} lng={detail.lng} />
        <a
          className={buttonClass('primary', 'large', true, 'h5-navigate')}
          href={geoUri(detail.lat, detail.lng, label)}
          data-testid="h5-task-navigate"
        >
          <Icon name="compass" />
          <span>{t('h5.task.navigate')}</span>
        </a>
        <div className="ph-muted h5-navigate-hint">
          {t('h5.report.coordinates', { lng: detail.lng.toFixed(6), lat: detail.lat.toFixed(6) })}
          {' · '}
          <a
            href={amapMarkerUrl(detail.lat, detail.lng, label)}
            target="_blank"
            rel="noreferrer"
            data-testid="h5-task-webmap"
          >
            <Icon name="globe" /> {t('h5.task.webMap')}
          </a>
          <br />
          {t('h5.task.navigateHint')}
        </div>
      </section>
      <Photos detail={detail} phase="before" title={t('h5.task.before')} />
      {checking ? <ReportBack detail={detail} /> : null}
      {checking || (handler && detail.photos.some((p) => p.phase === 'after')) ? (
        <Photos detail={detail} phase="after" title={t('h5.task.after')} />
      ) : null}
      <section className="phone-section h5-section">
        {handler ? (
          <HandlerActions
            detail={detail}
            onDone={() => navigate('/h5/tasks', { replace: true })}
            onStale={task.reload}
          />
        ) : (
          <TaskActions
            detail={detail}
            onDone={() => navigate(checking ? '/h5/tasks?tab=checking' : '/h5/tasks', { replace: true })}
            onStale={task.reload}
          />
        )}
      </section>
    </div>
  );
}
