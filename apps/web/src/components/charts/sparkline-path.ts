// SVG path data for a sparkline: straight segments from the first value to the last, scaled so the
// largest value touches the top and zero sits on the bottom edge. Pure, so it is unit-tested.

export type SparklinePaths = { complete: string; partial: string | null; area: string };

const round = (n: number) => Math.round(n * 100) / 100;

export function sparklinePath(
  values: number[],
  width: number,
  height: number,
  partialFrom?: number,
): SparklinePaths {
  if (values.length === 0) return { complete: '', partial: null, area: '' };
  const max = Math.max(0, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  // A 1-unit margin keeps the stroke inside the box at the top and bottom.
  const y = (v: number) => round(max === 0 ? height - 1 : height - 1 - (Math.max(0, v) / max) * (height - 2));
  const points = values.map((v, i) => [round(i * step), y(v)] as const);
  const line = (from: number, to: number) =>
    points
      .slice(from, to + 1)
      .map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px} ${py}`)
      .join(' ');
  const last = points.length - 1;
  // The dashed part starts at the last complete point, so the two paths join.
  const split = partialFrom === undefined || partialFrom > last ? last : Math.max(0, partialFrom - 1);
  const complete = line(0, split);
  const partial = split < last ? line(split, last) : null;
  const area = `${line(0, last)} L${points[last]?.[0] ?? 0} ${height} L0 ${height} Z`;
  return { complete, partial, area };
}
