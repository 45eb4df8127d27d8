interface Props {
  /** the points in order; null = no value (drawn as a gap) */
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  /** read by screen readers and shown on hover */
  label?: string;
  testId?: string;
}

/**
 * A small line of a series (a figure's months): inline SVG, so a table of dozens of rows stays light. The line is
 * scaled between the series' own minimum and maximum; a flat series is drawn across the middle.
 */
export function Sparkline({ values, width = 120, height = 28, label, testId }: Props) {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = nums.length ? Math.min(...nums) : 0;
  const max = nums.length ? Math.max(...nums) : 0;
  const pad = 3;
  const x = (i: number) => pad + (values.length > 1 ? (i * (width - 2 * pad)) / (values.length - 1) : 0);
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const runs: string[] = [];
  let run = '';
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run) runs.push(run);
      run = '';
      return;
    }
    run += `${run ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (run) runs.push(run);
  const lastIndex = values.reduce<number>((acc, v, i) => (v !== null && Number.isFinite(v) ? i : acc), -1);
  const last = lastIndex >= 0 ? values[lastIndex] : null;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={nums.length}
      style={{ display: 'block' }}
    >
      {label ? <title>{label}</title> : null}
      <line x1={pad} x2={width - pad} y1={height - 1} y2={height - 1} stroke="#f0f0f0" />
      {runs.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="#1677ff" strokeWidth={1.5} strokeLinejoin="round" />
      ))}
      {last !== null && last !== undefined ? <circle cx={x(lastIndex)} cy={y(last)} r={2.5} fill="#1677ff" /> : null}
    </svg>
  );
}
