import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The page's one h1 and, under it, a dimmed line on what the page is for. */
export function PageTitle({
  title,
  description,
  size,
}: {
  title: string;
  description?: string;
  size: 'h2' | 'h3';
}) {
  return (
    <>
      <Title order={1} size={size}>
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <PageTitle title={title} description={description} size="h2" />
      </Stack>
      {actions}
    </Group>
  );
}
