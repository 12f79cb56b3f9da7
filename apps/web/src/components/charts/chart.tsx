// The one component that owns a chart.js instance: creates it, updates it when data or the colour
// scheme change, destroys it on unmount. Only the controllers used here are registered. This module
// is loaded lazily (lazy-chart.tsx), so chart.js reaches only pages that draw charts.
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
  labels: string[];
  datasets: ChartDataset[];
  /** What the chart shows, for screen readers; the table beside it holds the figures. */
  ariaLabel: string;
  height?: number;
  /** No axes, legend or tooltip: a small trend line. */
  sparkline?: boolean;
  formatValue?: (value: number) => string;
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
  };
}

function configuration(props: ChartProps): ChartConfiguration {
  const colours = themeColours();
  const { kind, sparkline } = props;
  const datasets = props.datasets.map((dataset, i) => {
    const colour = colours.series[i % colours.series.length] ?? '#228be6';
    if (kind === 'doughnut')
      return { label: dataset.label, data: dataset.data, backgroundColor: colours.series, borderWidth: 1 };
    return {
      label: dataset.label,
      data: dataset.data,
      borderColor: colour,
      backgroundColor: kind === 'bar' ? colour : `${colour}33`,
      borderDash: dataset.dashed ? [6, 4] : undefined,
      pointRadius: sparkline || dataset.data.length > 60 ? 0 : 2,
      borderWidth: sparkline ? 1.5 : 2,
      fill: Boolean(sparkline),
      tension: 0.25,
    };
  });
  const format = props.formatValue ?? ((value: number) => value.toLocaleString());
  const axes =
    kind === 'doughnut'
      ? {}
      : {
          x: {
            display: !sparkline,
            ticks: { color: colours.dimmed, maxRotation: 0, autoSkip: true },
            grid: { color: colours.grid, display: false },
          },
          y: {
            display: !sparkline,
            beginAtZero: true,
            ticks: { color: colours.dimmed, callback: (value: string | number) => format(Number(value)) },
            grid: { color: colours.grid },
          },
        };
  return {
    type: kind,
    data: { labels: props.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: axes,
      plugins: {
        legend: { display: !sparkline, labels: { color: colours.text, boxWidth: 12 } },
        tooltip: {
          enabled: !sparkline,
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` },
        },
      },
    },
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
    <div style={{ position: 'relative', height: props.height ?? 260, width: '100%' }}>
      <canvas ref={canvas} role="img" aria-label={props.ariaLabel} />
    </div>
  );
}
