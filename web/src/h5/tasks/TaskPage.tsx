import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Image, Spin, Tag, Typography } from 'antd';
import { CompassOutlined, GlobalOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { tryT } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { h5Api, type CaseDetail } from '../api/h5.api.ts';
import { useAuth } from '../../features/auth/context.ts';
import { openPinMap } from '../../phone/open-pin-map.ts';
import { loadStreets } from '../report/streets.ts';
import { amapMarkerUrl, geoUri } from './navigation.ts';
import { TaskActions } from './TaskActions.tsx';

function SpotMap({ lat, lng }: { lat: number; lng: number }) {
  const el = useRef<HTMLDivElement>(null);
  const tenantId = useAuth().me?.user.tenantId ?? '';
  useEffect(() => {
    if (!el.current) return;
    const controller = new AbortController();
    const close = openPinMap(el.current, { pick: false, start: { lat, lng }, zoom: 16 }, (map) => {
      map.setPin({ lat, lng }, { pan: false });
      void loadStreets(tenantId, controller.signal).then((layer) => layer && !controller.signal.aborted && map.setLayer(layer));
    });
    return () => {
      controller.abort();
      close();
    };
  }, [lat, lng, tenantId]);
  return <div ref={el} className="phone-map h5-map" style={{ height: 180 }} data-testid="h5-task-map" />;
}

function Photos({ detail, phase, title }: { detail: CaseDetail; phase: string; title: string }) {
  const { t } = useI18n();
  const photos = detail.photos.filter((p) => p.phase === phase);
  return (
    <section className="phone-section h5-section" data-testid={`h5-task-photos-${phase}`}>
      <div className="h5-section-title">{title}</div>
      {photos.length === 0 ? <span className="h5-muted">{t('h5.task.noPhotos')}</span> : (
        <Image.PreviewGroup>
          <div className="phone-photos h5-photos h5-task-photos">
            {photos.map((p) => <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} alt="" />)}
          </div>
        </Image.PreviewGroup>
      )}
    </section>
  );
}

/** One 核实/核查 task: the case, where it is (with navigation), its photos, and the inspector's actions. */
export function TaskPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    setError(null);
    h5Api.caseDetail(id, signal).then(
      (found) => !signal?.aborted && setDetail(found),
      (e: unknown) => !signal?.aborted && setError(errorText(e, locale)),
    );
  }, [id, locale]);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (error && !detail) return <Alert type="error" showIcon title={t('h5.task.notFound')} description={error} data-testid="h5-task-error" />;
  if (!detail) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const label = detail.matterName ?? detail.matterCode;
  const checking = detail.status === 'checking';
  return (
    <div data-testid="h5-task" data-status={detail.status}>
      <section className="phone-section h5-section">
        <div className="h5-section-title">
          <span>{t(checking ? 'h5.task.kindCheck' : 'h5.task.kindVerify')}</span>
          <Tag color={detail.overdue ? 'red' : 'blue'} style={{ margin: 0 }}>{tryT(locale, `cases.status.${detail.status}`) ?? detail.status}</Tag>
        </div>
        <div style={{ fontSize: 17, fontWeight: 600 }}>{label}</div>
        <Typography.Paragraph style={{ margin: '4px 0 8px' }}>{detail.description}</Typography.Paragraph>
        <Descriptions column={1} size="small" items={[
          { key: 'no', label: t('h5.task.caseNo'), children: <span data-testid="h5-task-case-no">{detail.caseNo}</span> },
          { key: 'addr', label: t('h5.report.address'), children: detail.address || '—' },
          { key: 'area', label: t('h5.task.area'), children: [detail.streetName, detail.communityName].filter(Boolean).join(' ') || '—' },
          { key: 'at', label: t('h5.task.reportedAt'), children: formatInstant(detail.reportedAt) },
          { key: 'due', label: t('h5.task.due'), children: formatInstant(detail.stepDeadline) },
        ]} />
      </section>
      <section className="phone-section h5-section">
        <SpotMap lat={detail.lat} lng={detail.lng} />
        <Button type="primary" size="large" block icon={<CompassOutlined />} href={geoUri(detail.lat, detail.lng, label)} style={{ marginTop: 10 }} data-testid="h5-task-navigate">
          {t('h5.task.navigate')}
        </Button>
        <div className="h5-muted" style={{ marginTop: 6 }}>
          {t('h5.report.coordinates', { lng: detail.lng.toFixed(6), lat: detail.lat.toFixed(6) })}
          {' · '}
          <a href={amapMarkerUrl(detail.lat, detail.lng, label)} target="_blank" rel="noreferrer" data-testid="h5-task-webmap">
            <GlobalOutlined /> {t('h5.task.webMap')}
          </a>
          <br />
          {t('h5.task.navigateHint')}
        </div>
      </section>
      <Photos detail={detail} phase="before" title={t('h5.task.before')} />
      {checking ? <Photos detail={detail} phase="after" title={t('h5.task.after')} /> : null}
      <section className="phone-section h5-section">
        <TaskActions detail={detail} onDone={() => navigate(checking ? '/h5/tasks?tab=checking' : '/h5/tasks', { replace: true })} onStale={() => load()} />
      </section>
    </div>
  );
}
