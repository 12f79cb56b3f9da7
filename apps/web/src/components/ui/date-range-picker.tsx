import '@mantine/dates/styles.css';
import { Group, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { toZonedDay } from '../../lib/format.ts';
import {
  DATE_RANGE_PRESETS,
  type DateRange,
  type DateRangePreset,
  matchDateRangePreset,
  normalizeDateRange,
  resolveDateRangePreset,
} from './date-range.ts';

export type DateRangePickerProps = {
  value: DateRange;
  onChange: (range: DateRange, preset: DateRangePreset | null) => void;
  /** Names the control group for screen readers ("Period"). */
  label?: string;
  /** The earliest day worth picking (e.g. the first day with data). */
  minDate?: string;
};

/**
 * Presets (7d / 30d / 90d / 12m / All) as a segmented control, plus a calendar for any other range.
 * Days are in the owner's time zone; the server turns them into instants.
 */
export function DateRangePicker({ value, onChange, label = 'Period', minDate }: DateRangePickerProps) {
  const today = toZonedDay(Date.now());
  const preset = matchDateRangePreset(value, today);
  const [draft, setDraft] = useState<[string | null, string | null]>([value.from, value.to]);
  useEffect(() => setDraft([value.from, value.to]), [value.from, value.to]);

  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={label}>
      <SegmentedControl
        size="xs"
        value={preset ?? ''}
        onChange={(next) => {
          const chosen = next as DateRangePreset;
          onChange(resolveDateRangePreset(chosen, today), chosen);
        }}
        data={DATE_RANGE_PRESETS.map((p) => ({
          value: p.value,
          label: (
            <>
              <span aria-hidden>{p.label}</span>
              <VisuallyHidden>{p.description}</VisuallyHidden>
            </>
          ),
        }))}
      />
      <DatePickerInput
        type="range"
        size="xs"
        aria-label={`${label}: custom range`}
        placeholder="All time"
        leftSection={<IconCalendar size={14} aria-hidden />}
        valueFormat="MMM D, YYYY"
        value={draft}
        minDate={minDate}
        maxDate={today}
        allowSingleDateInRange
        miw={210}
        onChange={([from, to]) => {
          setDraft([from, to]);
          if (from && to) {
            const range = normalizeDateRange(from, to);
            onChange(range, matchDateRangePreset(range, today));
          }
        }}
      />
    </Group>
  );
}
