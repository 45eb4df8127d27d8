import { Button, Card, Flex, InputNumber, Typography } from 'antd';
import {
  BAND_DIRECTION,
  BAND_KINDS,
  MAX_BANDS,
  type BandKind,
  type CountBands,
} from '../../../../common/domain/kpi-bands.ts';
import { useI18n } from '../../i18n/context.ts';

interface Props {
  bands: CountBands;
  onChange: (bands: CountBands) => void;
}

/** The count bands of the 受理数, 派遣数 and 立案数 parts: threshold and score per band, added and removed in place. */
export function BandsEditor({ bands, onChange }: Props) {
  const { t } = useI18n();
  const edit = (kind: BandKind, index: number, patch: Partial<{ threshold: number; score: number }>) =>
    onChange({ ...bands, [kind]: bands[kind].map((b, i) => (i === index ? { ...b, ...patch } : b)) });
  const add = (kind: BandKind) => {
    const top = Math.max(-1, ...bands[kind].map((b) => b.threshold));
    onChange({ ...bands, [kind]: [...bands[kind], { threshold: top + 1, score: 0 }] });
  };
  const remove = (kind: BandKind, index: number) =>
    onChange({ ...bands, [kind]: bands[kind].filter((_, i) => i !== index) });

  return (
    <Card size="small" title={t('kpiWeb.weights.bands')} data-testid="bands-editor">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('kpiWeb.weights.bandsIntro')}
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}>
        {BAND_KINDS.map((kind) => {
          const label = t(`kpiWeb.weights.bandKind.${kind}`);
          const word = BAND_DIRECTION[kind] === 'more' ? t('kpiWeb.weights.bandMore') : t('kpiWeb.weights.bandFewer');
          return (
            <Flex key={kind} vertical gap={6} data-testid={`bands-${kind}`}>
              <Typography.Text strong>{label}</Typography.Text>
              {bands[kind].map((b, i) => (
                <Flex key={i} gap={6} align="center">
                  <InputNumber<number>
                    min={0}
                    precision={0}
                    prefix={word}
                    value={b.threshold}
                    onChange={(v) => edit(kind, i, { threshold: v ?? 0 })}
                    style={{ width: 130 }}
                    aria-label={`${label} ${word}`}
                    data-testid={`band-${kind}-${i}-threshold`}
                  />
                  <InputNumber<number>
                    min={0}
                    max={100}
                    prefix={t('kpiWeb.weights.bandScore')}
                    value={b.score}
                    onChange={(v) => edit(kind, i, { score: v ?? 0 })}
                    style={{ width: 110 }}
                    aria-label={`${label} ${t('kpiWeb.weights.bandScore')}`}
                    data-testid={`band-${kind}-${i}-score`}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    onClick={() => remove(kind, i)}
                    aria-label={t('kpiWeb.weights.bandRemove')}
                  >
                    ×
                  </Button>
                </Flex>
              ))}
              <Button
                size="small"
                onClick={() => add(kind)}
                disabled={bands[kind].length >= MAX_BANDS}
                data-testid={`band-${kind}-add`}
              >
                {t('kpiWeb.weights.bandAdd')}
              </Button>
            </Flex>
          );
        })}
      </div>
    </Card>
  );
}
