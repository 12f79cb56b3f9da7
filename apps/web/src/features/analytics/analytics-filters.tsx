import { Group, SegmentedControl, Select, Switch } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { AnalyticsQuery, RangePreset } from './analytics-query.ts';
import type { Granularity } from './analytics-series.ts';

const PRESETS: { value: RangePreset; label: string }[] = [
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '12m', label: '12 months' },
  { value: 'all', label: 'All' },
  { value: 'custom', label: 'Custom' },
];

export function AnalyticsFilters({
  query,
  onChange,
}: {
  query: AnalyticsQuery;
  onChange: (change: Partial<AnalyticsQuery>) => void;
}) {
  const setRange = (value: string) =>
    onChange(value === 'all' ? { range: 'all', compare: false } : { range: value as RangePreset });
  return (
    <Group gap="md" wrap="wrap" align="flex-end">
      <SegmentedControl
        aria-label="Date range"
        visibleFrom="sm"
        data={PRESETS}
        value={query.range}
        onChange={setRange}
      />
      {/* Six presets do not fit a phone's width: a menu there instead. */}
      <Select
        aria-label="Date range"
        hiddenFrom="sm"
        w={140}
        data={PRESETS}
        value={query.range}
        allowDeselect={false}
        onChange={(value) => value && setRange(value)}
      />
      {query.range === 'custom' ? (
        <DatePickerInput
          type="range"
          label="Custom dates"
          placeholder="Pick the first and last day"
          valueFormat="YYYY-MM-DD"
          value={[query.from ?? null, query.to ?? null]}
          onChange={([from, to]) => onChange({ from: from ?? undefined, to: to ?? undefined })}
          maxDate={new Date()}
          w={260}
        />
      ) : null}
      <SegmentedControl
        aria-label="Granularity"
        data={[
          { value: 'day', label: 'Day' },
          { value: 'week', label: 'Week' },
          { value: 'month', label: 'Month' },
        ]}
        value={query.granularity}
        onChange={(value) => onChange({ granularity: value as Granularity })}
      />
      <Switch
        label="Compare with previous period"
        checked={query.compare}
        disabled={query.range === 'all'}
        onChange={(event) => onChange({ compare: event.currentTarget.checked })}
      />
    </Group>
  );
}
