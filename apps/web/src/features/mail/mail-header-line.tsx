import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One header of a previewed email ("Subject: …"), above its MailPreviewFrame. */
export function MailHeaderLine({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {name}:
      </Text>{' '}
      {children}
    </Text>
  );
}
