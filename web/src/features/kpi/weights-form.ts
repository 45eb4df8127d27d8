import { BAND_KINDS, bandProblems, type BandKind, type CountBands } from '../../../../common/domain/kpi-bands.ts';
import {
  FORMULA_SUBJECTS,
  SCORE_PARTS,
  type FormulaSubject,
  type GradeThresholds,
  type KpiWeights,
} from '../../../../common/domain/kpi.ts';

export interface WeightProblem {
  kind: 'sum' | 'grades' | 'bands';
  subject?: FormulaSubject;
  sum?: number;
  band?: BandKind;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function weightSum(weights: KpiWeights, subject: FormulaSubject): number {
  return round(SCORE_PARTS[subject].reduce((acc, part) => acc + (weights[subject]?.[part] ?? 0), 0));
}

/**
 * What stops the weights editor from saving: a subject whose weights do not sum to 100 %, grades that do not
 * descend, or count bands the server would refuse (one problem per count).
 */
export function weightsProblems(weights: KpiWeights, grades: GradeThresholds, bands?: CountBands): WeightProblem[] {
  const problems: WeightProblem[] = [];
  for (const subject of FORMULA_SUBJECTS) {
    const sum = weightSum(weights, subject);
    if (Math.abs(sum - 100) > 1e-6) problems.push({ kind: 'sum', subject, sum });
  }
  if (!(grades.A <= 100 && grades.A > grades.B && grades.B > grades.C && grades.C > grades.D && grades.D >= 0))
    problems.push({ kind: 'grades' });
  if (bands) {
    const wrong = new Set(
      bandProblems(bands).map((p) => BAND_KINDS.find((k) => p.field.startsWith(`body.bands.${k}`))),
    );
    for (const band of BAND_KINDS) if (wrong.has(band)) problems.push({ kind: 'bands', band });
  }
  return problems;
}

/** Only the parts each subject may weigh, each a number (an emptied input counts as 0). */
export function cleanWeights(weights: KpiWeights): KpiWeights {
  return Object.fromEntries(
    FORMULA_SUBJECTS.map((s) => [
      s,
      Object.fromEntries(SCORE_PARTS[s].map((p) => [p, Number(weights[s]?.[p] ?? 0) || 0])),
    ]),
  ) as KpiWeights;
}
