import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function OverviewStatCard({
  label,
  value,
  change,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  change?: string | null;
  hint?: string;
  testId?: string;
}) {
  const isDown = change?.startsWith('-') ?? false;
  return (
    <Card data-testid={testId}>
      <Stack gap={4}>
        <Text size="xs" tt="uppercase" fw={600} c="dimmed">
          {label}
        </Text>
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Text fz={26} fw={700} className="num" data-testid={testId ? `${testId}-value` : undefined}>
            {value}
          </Text>
          {change ? (
            <Badge
              variant="light"
              color={isDown ? 'red' : 'teal'}
              aria-label={`${change} against the previous period`}
            >
              {isDown ? '▼' : '▲'} {change}
            </Badge>
          ) : null}
        </Group>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
