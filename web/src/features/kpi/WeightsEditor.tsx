import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { KpiSettings } from '../../../../common/contracts/kpi.ts';
import {
  DEFAULT_GRADES,
  DEFAULT_WEIGHTS,
  FORMULA_SUBJECTS,
  SCORE_PARTS,
  type FormulaSubject,
  type KpiWeights,
} from '../../../../common/domain/kpi.ts';
import { DEFAULT_BANDS } from '../../../../common/domain/kpi-bands.ts';
import { DEFAULT_RANKING_RULES, TOP_TIE_RULES, type TopTieRule } from '../../../../common/domain/kpi-ranking.ts';
import { BandsEditor } from './BandsEditor.tsx';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { cleanWeights, weightsProblems, weightSum } from './weights-form.ts';

interface Props {
  open: boolean;
  initial: KpiSettings | null;
  onClose: () => void;
  /** saves and answers the stored settings; throws ApiError on a refusal */
  onSave: (settings: KpiSettings) => Promise<unknown>;
}

const GRADE_KEYS = ['A', 'B', 'C', 'D'] as const;

/** Weights of each composite (must sum to 100 % per subject), grade thresholds and options; for kpi.manage. */
export function WeightsEditor({ open, initial, onClose, onSave }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<KpiSettings | null>(initial);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setDraft(initial);
      setServerError(null);
    }
  }, [open, initial]);

  const problems = useMemo(
    () => (draft ? weightsProblems(cleanWeights(draft.weights), draft.grades, draft.bands) : []),
    [draft],
  );
  const subjectLabel = (s: FormulaSubject) => t(`kpiWeb.weights.formula.${s}`);
  const partLabel = (p: string) =>
    p.endsWith('Score') ? t(`kpiWeb.part.${p as 'filedScore'}`) : t(`kpiWeb.indicator.${p as 'closeRate'}`);

  const setWeight = (s: FormulaSubject, part: string, v: number | null) =>
    setDraft((d) => (d ? { ...d, weights: { ...d.weights, [s]: { ...d.weights[s], [part]: v ?? 0 } } } : d));

  const save = async () => {
    if (!draft || problems.length) return;
    setSaving(true);
    setServerError(null);
    try {
      await onSave({ ...draft, weights: cleanWeights(draft.weights) });
      void message.success(t('kpiWeb.weights.saved'));
      onClose();
    } catch (err) {
      setServerError(errorText(err, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('kpiWeb.weights.title')}
      onCancel={onClose}
      width={880}
      destroyOnHidden
      footer={
        <Space>
          <Button
            onClick={() =>
              setDraft((d) =>
                d
                  ? {
                      ...d,
                      weights: structuredClone<KpiWeights>(DEFAULT_WEIGHTS),
                      grades: { ...DEFAULT_GRADES },
                      bands: structuredClone(DEFAULT_BANDS),
                    }
                  : d,
              )
            }
            data-testid="weights-reset"
          >
            {t('kpiWeb.weights.reset')}
          </Button>
          <Button onClick={onClose}>{t('kpiWeb.weights.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={!draft || problems.length > 0}
            onClick={() => void save()}
            data-testid="weights-save"
          >
            {t('kpiWeb.weights.save')}
          </Button>
        </Space>
      }
      data-testid="weights-editor"
    >
      {draft ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('kpiWeb.weights.intro')}</Typography.Text>
          {problems.length ? (
            <Alert
              type="error"
              showIcon
              data-testid="weights-problems"
              title={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((p) => (
                    <li key={p.subject ?? p.band ?? p.kind}>
                      {p.kind === 'sum' && p.subject
                        ? t('kpiWeb.weights.sumWrong', { subject: subjectLabel(p.subject), sum: p.sum ?? 0 })
                        : p.kind === 'bands' && p.band
                          ? t('kpiWeb.weights.bandsWrong', { kind: t(`kpiWeb.weights.bandKind.${p.band}`) })
                          : t('kpiWeb.weights.gradesWrong')}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {serverError ? <Alert type="error" showIcon title={serverError} data-testid="weights-server-error" /> : null}
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}>
            {FORMULA_SUBJECTS.map((s) => {
              const sum = weightSum(cleanWeights(draft.weights), s);
              const ok = Math.abs(sum - 100) < 1e-6;
              return (
                <Card
                  key={s}
                  size="small"
                  title={subjectLabel(s)}
                  extra={
                    <Typography.Text type={ok ? 'success' : 'danger'} data-testid={`weights-sum-${s}`}>
                      {t('kpiWeb.weights.sum', { sum })}
                    </Typography.Text>
                  }
                  style={{ borderColor: ok ? undefined : '#ff4d4f' }}
                >
                  {SCORE_PARTS[s].map((part) => (
                    <Flex key={part} justify="space-between" align="center" style={{ marginBottom: 6 }}>
                      <Typography.Text style={{ fontSize: 13 }}>{partLabel(part)}</Typography.Text>
                      <InputNumber<number>
                        min={0}
                        max={100}
                        step={5}
                        value={draft.weights[s]?.[part] ?? 0}
                        onChange={(v) => setWeight(s, part, v)}
                        suffix="%"
                        style={{ width: 96 }}
                        aria-label={`${subjectLabel(s)} ${partLabel(part)}`}
                        data-testid={`weight-${s}-${part}`}
                      />
                    </Flex>
                  ))}
                </Card>
              );
            })}
          </div>
          <Card size="small" title={t('kpiWeb.weights.grades')}>
            <Flex gap={12} wrap>
              {GRADE_KEYS.map((g) => (
                <InputNumber<number>
                  key={g}
                  min={0}
                  max={100}
                  prefix={`${g} ≥`}
                  value={draft.grades[g]}
                  onChange={(v) => setDraft((d) => (d ? { ...d, grades: { ...d.grades, [g]: v ?? 0 } } : d))}
                  style={{ width: 110 }}
                  data-testid={`grade-${g}`}
                />
              ))}
            </Flex>
          </Card>
          <BandsEditor
            bands={draft.bands ?? DEFAULT_BANDS}
            onChange={(bands) => setDraft((d) => (d ? { ...d, bands } : d))}
          />
          <Card size="small" title={t('kpiWeb.weights.options')}>
            <Flex gap={24} wrap align="center">
              <Checkbox
                checked={draft.options.excludeSuspended}
                onChange={(e) =>
                  setDraft((d) => (d ? { ...d, options: { ...d.options, excludeSuspended: e.target.checked } } : d))
                }
              >
                {t('kpiWeb.weights.excludeSuspended')}
              </Checkbox>
              <Space>
                {t('kpiWeb.weights.bottomCount')}
                <InputNumber<number>
                  min={1}
                  max={20}
                  value={draft.options.bottomCount}
                  onChange={(v) => setDraft((d) => (d ? { ...d, options: { ...d.options, bottomCount: v ?? 1 } } : d))}
                />
              </Space>
              <Space>
                {t('kpiWeb.weights.minCases')}
                <InputNumber<number>
                  min={0}
                  max={1000}
                  value={draft.options.minCases ?? DEFAULT_RANKING_RULES.minCases}
                  onChange={(v) => setDraft((d) => (d ? { ...d, options: { ...d.options, minCases: v ?? 0 } } : d))}
                  aria-label={t('kpiWeb.weights.minCases')}
                  data-testid="weights-min-cases"
                />
              </Space>
              <Space>
                {t('kpiWeb.weights.topTie')}
                <Select<TopTieRule>
                  value={draft.options.topTie ?? DEFAULT_RANKING_RULES.topTie}
                  onChange={(v) => setDraft((d) => (d ? { ...d, options: { ...d.options, topTie: v } } : d))}
                  options={TOP_TIE_RULES.map((r) => ({ value: r, label: t(`kpiWeb.weights.topTieRule.${r}`) }))}
                  style={{ width: 200 }}
                  aria-label={t('kpiWeb.weights.topTie')}
                  data-testid="weights-top-tie"
                />
              </Space>
            </Flex>
          </Card>
        </Flex>
      ) : null}
    </Modal>
  );
}
