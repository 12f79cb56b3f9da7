import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { JOB_STATUS } from '../../lib/statuses.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type SettingsJob = RouterOutputs['jobs']['find'][number];

/** One scheduled job: how often, its retention period, the last run and what it did, run now. */
export function SettingsJobCard({ job }: { job: SettingsJob }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [hours, setHours] = useState<number | string>(job.intervalMinutes / 60);
  const [value, setValue] = useState<number | string>(job.setting?.value ?? 0);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() }),
    ]);
  const update = useMutation(
    trpc.jobs.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: `Saved the schedule of ${job.name}.` });
        await refresh();
      },
    }),
  );
  const runNow = useMutation(
    trpc.jobs.runNow.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: result.status === 'ok' ? 'teal' : 'red',
          title: `${job.name}: ${result.status}`,
          message: result.summary,
        });
        await refresh();
      },
    }),
  );
  const isDirty =
    Number(hours) * 60 !== job.intervalMinutes ||
    (job.setting !== null && Number(value) !== job.setting.value);
  return (
    <Card withBorder data-testid={`job-${job.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600} className="mono">
              {job.name}
            </Text>
            <Text size="sm" c="dimmed">
              {job.description}
            </Text>
          </div>
          <Button
            size="xs"
            variant="light"
            loading={runNow.isPending}
            onClick={() => runNow.mutate({ name: job.name })}
          >
            Run now
          </Button>
        </Group>
        <Group align="flex-end">
          <NumberInput
            label="Every (hours, 0 = off)"
            min={0}
            max={720}
            step={1}
            decimalScale={2}
            value={hours}
            onChange={setHours}
            w={180}
          />
          {job.setting ? (
            <NumberInput
              label={`${job.setting.label} (${job.setting.unit})`}
              min={job.setting.min}
              max={job.setting.max}
              value={value}
              onChange={setValue}
              w={220}
            />
          ) : null}
          <Button
            variant="default"
            disabled={!isDirty}
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                name: job.name,
                intervalMinutes: Math.round(Number(hours) * 60),
                settingValue: job.setting ? Number(value) : undefined,
              })
            }
          >
            Save
          </Button>
        </Group>
        {update.error ? (
          <Text size="sm" c="red" role="alert">
            {update.error.message}
          </Text>
        ) : null}
        <Text size="sm">
          Last run:{' '}
          {job.lastRun ? (
            <>
              <StatusBadge vocabulary={JOB_STATUS} status={job.lastRun.status} />{' '}
              {formatDateTime(job.lastRun.startedAt)}: {job.lastRun.summary ?? '…'}
            </>
          ) : (
            'never'
          )}
        </Text>
        <Text size="sm" c="dimmed">
          Next run: {job.nextRunAt ? formatDateTime(job.nextRunAt) : 'off'}
        </Text>
      </Stack>
    </Card>
  );
}
