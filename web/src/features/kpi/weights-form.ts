import { FORMULA_SUBJECTS, SCORE_PARTS, type FormulaSubject, type GradeThresholds, type KpiWeights } from '../../../../common/domain/kpi.ts';

export interface WeightProblem {
  kind: 'sum' | 'grades';
  subject?: FormulaSubject;
  sum?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function weightSum(weights: KpiWeights, subject: FormulaSubject): number {
  return round(SCORE_PARTS[subject].reduce((acc, part) => acc + (weights[subject]?.[part] ?? 0), 0));
}

/** What stops the weights editor from saving: a subject whose weights do not sum to 100 %, or grades that do not descend. */
export function weightsProblems(weights: KpiWeights, grades: GradeThresholds): WeightProblem[] {
  const problems: WeightProblem[] = [];
  for (const subject of FORMULA_SUBJECTS) {
    const sum = weightSum(weights, subject);
    if (Math.abs(sum - 100) > 1e-6) problems.push({ kind: 'sum', subject, sum });
  }
  if (!(grades.A <= 100 && grades.A > grades.B && grades.B > grades.C && grades.C > grades.D && grades.D >= 0)) problems.push({ kind: 'grades' });
  return problems;
}

/** Only the parts each subject may weigh, each a number (an emptied input counts as 0). */
export function cleanWeights(weights: KpiWeights): KpiWeights {
  return Object.fromEntries(
    FORMULA_SUBJECTS.map((s) => [s, Object.fromEntries(SCORE_PARTS[s].map((p) => [p, Number(weights[s]?.[p] ?? 0) || 0]))]),
  ) as KpiWeights;
}
