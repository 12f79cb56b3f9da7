import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useTRPC } from '../../lib/trpc.ts';

function LimitsForm({ perSecond, perHour }: { perSecond: number; perHour: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [second, setSecond] = useState<number | string>(perSecond);
  const [hour, setHour] = useState<number | string>(perHour);
  const save = useMutation(
    trpc.announcements.updateLimits.mutationOptions({
      onSuccess: async () => {
        notifySuccess('Sending pace saved.');
        await queryClient.invalidateQueries({ queryKey: trpc.announcements.limits.pathKey() });
      },
      onError: (error) => notifyError(error, 'The pace was not saved'),
    }),
  );
  return (
    <Group align="flex-end">
      <NumberInput label="Per second" min={1} max={100} value={second} onChange={setSecond} w={120} />
      <NumberInput label="Per hour" min={1} max={100_000} value={hour} onChange={setHour} w={140} />
      <Button
        variant="default"
        loading={save.isPending}
        onClick={() => save.mutate({ perSecond: Number(second), perHour: Number(hour) })}
      >
        Save
      </Button>
    </Group>
  );
}

/** How fast announcements go out; key emails are never held back by it. */
export function AnnouncementSendingLimits() {
  const trpc = useTRPC();
  const limits = useQuery(trpc.announcements.limits.queryOptions());
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Sending pace
        </Text>
        <Text size="xs" c="dimmed">
          Mail providers throttle senders that burst. Key emails always go first.
        </Text>
        {limits.error ? (
          <QueryError error={limits.error} onRetry={() => void limits.refetch()} />
        ) : limits.data ? (
          <LimitsForm key={`${limits.data.perSecond}/${limits.data.perHour}`} {...limits.data} />
        ) : (
          <SkeletonRows rows={1} />
        )}
      </Stack>
    </Card>
  );
}
