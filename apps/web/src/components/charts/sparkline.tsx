// A small trend line drawn as plain SVG: the Overview's four sparklines need no chart library, so
// chart.js is never downloaded for the first screen. A partial last period (today, this week) is
// drawn dashed and lighter, so an unfinished day does not read as a collapse.
import { sparklinePath } from './sparkline-path.ts';

const WIDTH = 240;

export function Sparkline(props: {
  values: number[];
  /** Index from which the values are partial periods (drawn dashed); absent when all are complete. */
  partialFrom?: number;
  ariaLabel: string;
  height?: number;
}) {
  const height = props.height ?? 40;
  const { complete, partial, area } = sparklinePath(props.values, WIDTH, height, props.partialFrom);
  return (
    <svg
      role="img"
      aria-label={props.ariaLabel}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      width="100%"
      height={height}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <path d={area} fill="var(--mantine-color-blue-light)" stroke="none" />
      <path
        d={complete}
        fill="none"
        stroke="var(--mantine-color-blue-filled)"
        strokeWidth={1.5}
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
      {partial ? (
        <path
          d={partial}
          fill="none"
          stroke="var(--mantine-color-blue-filled)"
          strokeOpacity={0.55}
          strokeWidth={1.5}
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
          data-partial="true"
        />
      ) : null}
    </svg>
  );
}
