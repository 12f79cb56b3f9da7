import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small capitalised label over its value, for the facts on a profile or summary card. */
export function LabeledValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
