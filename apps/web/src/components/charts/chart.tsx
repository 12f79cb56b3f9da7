// The one component that owns a chart.js instance: creates it, updates it when data or the colour
// scheme change, destroys it on unmount. Only the controllers used here are registered. This module
// is loaded lazily (lazy-chart.tsx), so chart.js reaches only pages that draw charts.
// One designed theme for every chart: no point markers until hover, straight lines, an index
// tooltip with a crosshair, point-style legends, partial periods dashed or faded.
import { useComputedColorScheme } from '@mantine/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  type ChartConfiguration,
  Chart as ChartJs,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

ChartJs.register(
  LineController,
  BarController,
  DoughnutController,
  LineElement,
  PointElement,
  BarElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  Filler,
);

export type ChartKind = 'line' | 'bar' | 'doughnut';
export type ChartDataset = { label: string; data: number[]; dashed?: boolean };
export type ChartProps = {
  kind: ChartKind;
  /** Short axis labels ("6 Nov"), one per value. */
  labels: string[];
  datasets: ChartDataset[];
  /** What the chart shows, for screen readers; the table beside it holds the figures. */
  ariaLabel: string;
  height?: number;
  /** Tooltip titles ("Week of 3 Nov 2026"), one per label; the labels themselves when absent. */
  titles?: string[];
  /**
   * One note per label for periods the data covers only in part ("partial: through 5 Dec 2026"),
   * null for whole periods. Partial lines are dashed there, partial bars lighter.
   */
  partialNotes?: (string | null)[];
  formatValue?: (value: number) => string;
  /** Numbers on the value axis, usually compact ("1.2K"). */
  formatAxis?: (value: number) => string;
  /** Bars side by side along the value axis: for names (browsers, products), not for time. */
  horizontal?: boolean;
};

const PALETTE = ['blue', 'teal', 'orange', 'grape', 'red', 'cyan', 'lime', 'pink', 'indigo', 'yellow'];

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function themeColours() {
  return {
    series: PALETTE.map((name) => cssVar(`--mantine-color-${name}-6`, '#228be6')),
    text: cssVar('--mantine-color-text', '#333'),
    dimmed: cssVar('--mantine-color-dimmed', '#868e96'),
    grid: cssVar('--mantine-color-default-border', '#dee2e6'),
    surface: cssVar('--mantine-color-body', '#fff'),
  };
}

/** A vertical hairline at the hovered index: the tooltip reads every series at one date. */
const crosshair: Plugin = {
  id: 'keydeskCrosshair',
  afterDatasetsDraw(chart) {
    const active = chart.tooltip?.getActiveElements() ?? [];
    const first = active[0];
    if (!first || (chart.config as { type?: string }).type !== 'line') return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = cssVar('--mantine-color-dimmed', '#868e96');
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(first.element.x, chartArea.top);
    ctx.lineTo(first.element.x, chartArea.bottom);
    ctx.stroke();
    ctx.restore();
  },
};

function configuration(props: ChartProps): ChartConfiguration {
  const colours = themeColours();
  const { kind } = props;
  const partial = props.partialNotes ?? [];
  const isPartial = (i: number) => Boolean(partial[i]);
  const datasets = props.datasets.map((dataset, i) => {
    const colour = colours.series[i % colours.series.length] ?? '#228be6';
    if (kind === 'doughnut')
      return {
        label: dataset.label,
        data: dataset.data,
        backgroundColor: colours.series,
        borderColor: colours.surface,
        borderWidth: 2,
      };
    const faded = `${colour}66`;
    return {
      label: dataset.label,
      data: dataset.data,
      borderColor: dataset.dashed ? faded : colour,
      backgroundColor:
        kind === 'bar'
          ? dataset.data.map((_, j) => (dataset.dashed || isPartial(j) ? faded : colour))
          : colour,
      borderDash: dataset.dashed ? [4, 4] : undefined,
      // A line is dashed into and out of a partial period, so it does not read as a collapse.
      segment: {
        borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
          dataset.dashed || isPartial(ctx.p0DataIndex) || isPartial(ctx.p1DataIndex) ? [4, 4] : undefined,
      },
      pointRadius: 0,
      pointHoverRadius: 4,
      pointStyle: 'circle',
      borderWidth: 2,
      borderRadius: kind === 'bar' ? 3 : 0,
      maxBarThickness: 28,
      tension: 0,
    };
  });
  const format = props.formatValue ?? ((value: number) => value.toLocaleString());
  const formatAxis = props.formatAxis ?? format;
  const valueAxis = {
    beginAtZero: true,
    border: { display: false },
    ticks: {
      color: colours.dimmed,
      maxTicksLimit: 5,
      callback: (value: string | number) => formatAxis(Number(value)),
    },
    grid: { color: colours.grid },
  };
  const categoryAxis = {
    border: { display: false },
    ticks: { color: colours.dimmed, maxRotation: 0, autoSkip: true, autoSkipPadding: 16 },
    grid: { display: false },
  };
  const axes =
    kind === 'doughnut'
      ? {}
      : props.horizontal
        ? { x: valueAxis, y: { ...categoryAxis, ticks: { ...categoryAxis.ticks, autoSkip: false } } }
        : { x: categoryAxis, y: valueAxis };
  return {
    type: kind,
    data: { labels: props.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: props.horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false },
      scales: axes,
      plugins: {
        legend: {
          display: props.datasets.length > 1 || kind === 'doughnut',
          position: kind === 'doughnut' ? 'right' : 'top',
          align: 'start',
          labels: {
            color: colours.text,
            usePointStyle: true,
            pointStyle: 'circle',
            boxWidth: 8,
            boxHeight: 8,
          },
        },
        tooltip: {
          usePointStyle: true,
          callbacks: {
            title: (items) => {
              const index = items[0]?.dataIndex ?? 0;
              return props.titles?.[index] ?? props.labels[index] ?? '';
            },
            label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}`,
            footer: (items) => partial[items[0]?.dataIndex ?? -1] ?? '',
          },
        },
      },
    },
    plugins: [crosshair],
  } as ChartConfiguration;
}

export default function Chart(props: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJs | null>(null);
  const scheme = useComputedColorScheme('light');

  // Re-created when the kind or the colour scheme changes (colours are read from Mantine's CSS variables).
  // biome-ignore lint/correctness/useExhaustiveDependencies: props are applied by the update effect below
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new ChartJs(canvas.current, configuration(props));
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [props.kind, scheme]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const next = configuration(props);
    instance.data = next.data;
    instance.options = next.options ?? {};
    instance.update();
  });

  return (
    <div
      style={{ position: 'relative', height: props.height ?? 260, width: '100%' }}
      data-partial-periods={props.partialNotes?.filter(Boolean).join(' | ') || undefined}
    >
      <canvas ref={canvas} role="img" aria-label={props.ariaLabel} />
    </div>
  );
}
