// The figure above a chart: the range's total, its change against the previous period (over the
// same elapsed span, as the API cuts it) and what it is compared with.
import { Badge, Group, Text } from '@mantine/core';
import { formatChange } from '../../lib/format.ts';

export function AnalyticsHeadline(props: {
  label: string;
  total: string;
  current: number;
  previous: number | null;
  previousLabel?: string;
  /** The series the total counts, when the chart draws several ("Chats"). */
  name?: string;
}) {
  const change = props.previous === null ? null : formatChange(props.current, props.previous);
  const isDown = props.previous !== null && props.current < props.previous;
  return (
    <Group gap="xs" align="baseline" mb="xs" data-testid="chart-headline">
      <Text fz={24} fw={700} className="num" aria-label={`${props.label}: ${props.total}`}>
        {props.total}
      </Text>
      {props.name ? (
        <Text size="sm" fw={600}>
          {props.name}
        </Text>
      ) : null}
      {change ? (
        <Badge
          variant="light"
          color={isDown ? 'red' : 'teal'}
          data-testid="chart-headline-change"
          aria-label={`${change} against the previous period`}
        >
          {isDown ? '▼' : '▲'} {change}
        </Badge>
      ) : null}
      {props.previousLabel ? (
        <Text size="sm" c="dimmed">
          {props.previousLabel}
        </Text>
      ) : null}
    </Group>
  );
}
