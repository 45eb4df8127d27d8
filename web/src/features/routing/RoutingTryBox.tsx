import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, InputNumber, Row, Tag, Typography } from 'antd';
import { tryT } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { MatterPicker } from '../cases/CaseSelects.tsx';
import { PointMap, type LngLat } from '../cases/PointMap.tsx';
import { routingApi, type RoutingSuggestion } from './routing.api.ts';

/** 试算: which unit would a case of this matter at this point be suggested to, and by which rule. */
export function RoutingTryBox({ version }: { version: number }) {
  const { t, locale } = useI18n();
  const [matterCode, setMatterCode] = useState<string | null>(null);
  const [point, setPoint] = useState<LngLat | null>(null);
  // A coordinate typed before the other one is known: the point exists once both are there (no city is built in).
  const [typed, setTyped] = useState<{ lng: number | null; lat: number | null }>({ lng: null, lat: null });
  const setCoordinate = (key: 'lng' | 'lat', value: number | string | null) => {
    const next = {
      lng: point?.lng ?? typed.lng,
      lat: point?.lat ?? typed.lat,
      [key]: typeof value === 'number' ? value : null,
    };
    setTyped(next);
    setPoint(next.lng !== null && next.lat !== null ? { lng: next.lng, lat: next.lat } : null);
  };
  const [result, setResult] = useState<{ suggestion: RoutingSuggestion; version: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!matterCode || !point) return;
    setBusy(true);
    setError(null);
    try {
      setResult({ suggestion: await routingApi.suggest({ matterCode, lng: point.lng, lat: point.lat }), version });
    } catch (cause) {
      setError(cause);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const s = result && result.version === version ? result.suggestion : null;

  return (
    <Card size="small" title={t('routing.try.title')} data-testid="routing-try">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('routing.try.hint')}</Typography.Text>
        <MatterPicker
          value={matterCode}
          onChange={setMatterCode}
          placeholder={t('cases.form.matterPlaceholder')}
          data-testid="routing-try-matter"
        />
        <PointMap value={point} onPick={setPoint} height={220} testId="routing-try-map" />
        <Row gutter={8}>
          <Col span={12}>
            <InputNumber
              value={point?.lng ?? typed.lng}
              onChange={(lng) => setCoordinate('lng', lng)}
              placeholder={t('cases.field.lng')}
              precision={6}
              style={{ width: '100%' }}
              data-testid="routing-try-lng"
            />
          </Col>
          <Col span={12}>
            <InputNumber
              value={point?.lat ?? typed.lat}
              onChange={(lat) => setCoordinate('lat', lat)}
              placeholder={t('cases.field.lat')}
              precision={6}
              style={{ width: '100%' }}
              data-testid="routing-try-lat"
            />
          </Col>
        </Row>
        <Button
          type="primary"
          onClick={() => void run()}
          disabled={!matterCode || !point}
          loading={busy}
          data-testid="routing-try-run"
        >
          {t('routing.try.run')}
        </Button>
        {error ? <Alert type="error" showIcon title={errorText(error, locale)} /> : null}
        {s ? (
          s.unitId ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="routing-try-result"
              items={[
                {
                  key: 'unit',
                  label: t('routing.try.result'),
                  children: (
                    <Typography.Text strong data-testid="routing-try-unit">
                      {s.unitName}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'reason',
                  label: t('routing.try.reason'),
                  children: s.reason ? (
                    <Tag color={s.reason === 'fallback' ? 'gold' : 'blue'}>
                      {tryT(locale, `routing.level.${s.reason}`) ?? s.reason}
                    </Tag>
                  ) : (
                    '—'
                  ),
                },
                { key: 'street', label: t('routing.try.street'), children: s.streetName ?? '—' },
                { key: 'community', label: t('routing.try.community'), children: s.communityName ?? '—' },
              ]}
            />
          ) : (
            <Alert type="warning" showIcon title={t('routing.try.none')} data-testid="routing-try-none" />
          )
        ) : null}
      </Flex>
    </Card>
  );
}
