import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled section of the Analytics page that is not a chart: its title also names the region. */
export function AnalyticsPanel({
  title,
  testId,
  intro,
  children,
}: {
  title: string;
  testId: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {intro}
      </Text>
      {children}
    </Card>
  );
}
