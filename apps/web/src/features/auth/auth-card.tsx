import { Center, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from '../../components/ui/page-header.tsx';

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={400}>
        <Stack gap="lg">
          <Stack gap={4}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <PageTitle title={title} description={subtitle} size="h3" />
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
