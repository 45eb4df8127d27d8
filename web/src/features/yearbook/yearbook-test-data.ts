/** A 工作总结 of 2023 as the server answers it, for the component tests (not shipped). */
import type { KeyFigures } from '../../../../common/contracts/key-figures.ts';
import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import type { YearbookDocument, YearbookSegment } from '../../../../common/contracts/yearbook.ts';
import { segmentsOf } from '../../../../common/domain/yearbook.ts';

export const FIGURES: ReportFigure[] = [
  {
    key: 'overview.reported',
    label: '受理问题数',
    value: 46574,
    unit: 'count',
    text: '46574',
    link: '/kpi?subject=street&period=custom&from=2023-01-01&to=2023-12-31',
  },
  { key: 'overview.closeRate', label: '结案率', value: 98.5, unit: 'percent', text: '98.5%', link: null },
  {
    key: 'approvals.accepted',
    label: '受理审批事项数',
    value: 1203,
    unit: 'count',
    text: '1203',
    link: '/approvals?period=custom&from=2023-01-01&to=2023-12-31',
  },
];

/** The server's resolution of a body: each placeholder's text from FIGURES, a paragraph per line. */
export function resolved(body: string): YearbookSegment[][] {
  return body
    .split('\n')
    .filter((l) => l.trim())
    .map((line) =>
      segmentsOf(line).map((s) =>
        'text' in s ? s : { ...s, text: FIGURES.find((f) => f.key === s.key)?.text ?? '—' },
      ),
    );
}

export function documentWith(body: string): YearbookDocument {
  const used = FIGURES.filter((f) => body.includes(`{{${f.key}|`));
  return {
    id: 'd1',
    year: 2023,
    title: '2023年工作总结和2024年工作计划',
    issuer: '大冶市城市管理执法局',
    issuedOn: null,
    updatedAt: '2024-01-05T00:00:00Z',
    parts: [
      { part: 'summary', number: '一、', title: '2023年工作总结' },
      { part: 'problems', number: '二、', title: '存在问题' },
      { part: 'plan', number: '三、', title: '2024年工作计划' },
    ],
    sections: [
      {
        id: 's1',
        part: 'summary',
        position: 1,
        number: '（一）',
        heading: '数字城管',
        body,
        paragraphs: resolved(body),
        updatedAt: '2024-01-05T00:00:00Z',
      },
      {
        id: 's2',
        part: 'problems',
        position: 2,
        number: '',
        heading: '',
        body: '',
        paragraphs: [],
        updatedAt: '2024-01-05T00:00:00Z',
      },
    ],
    figures: used.map((f) => ({ ...f, period: '2023', uses: body.split(`{{${f.key}|`).length - 1 })),
  };
}

export const KEY_FIGURES: KeyFigures = {
  year: 2023,
  through: '2023-12',
  lines: [
    {
      key: 'overview',
      title: '总体情况',
      figures: [
        { ...FIGURES[0]!, months: [3000, 3200, 4100, 3900, 4000, 4200, 4300, 4100, 3800, 3900, 4000, 4074] },
        { ...FIGURES[1]!, months: [98, 98.2, 98.5, 99, 98.1, null, 98, 98, 98.6, 98.7, 98.8, 98.9] },
      ],
    },
    { key: 'approvals', title: '行政审批', figures: [{ ...FIGURES[2]!, months: Array<number>(12).fill(100) }] },
  ],
};
