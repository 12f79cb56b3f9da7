import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatDateTime, formatInterval } from '../../lib/format.ts';
import { JOB_STATUS } from '../../lib/statuses.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type SettingsJob = RouterOutputs['jobs']['find'][number];

/** One scheduled job: how often, its retention period, the last run and what it did, run now. */
export function SettingsJobCard({ job }: { job: SettingsJob }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState<number | string>(job.intervalMinutes);
  const [value, setValue] = useState<number | string>(job.setting?.value ?? 0);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.jobs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.backups.pathKey() }),
    ]);
  const update = useMutation(
    trpc.jobs.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({
          color: 'teal',
          message: `Saved the schedule of “${job.label}”: ${formatInterval(Math.round(Number(minutes)))}.`,
        });
        await refresh();
      },
    }),
  );
  const runNow = useMutation(
    trpc.jobs.runNow.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: result.status === 'ok' ? 'teal' : 'red',
          title: `${job.label}: ${result.status}`,
          message: result.summary,
        });
        await refresh();
      },
    }),
  );
  const isDirty =
    Number(minutes) !== job.intervalMinutes || (job.setting !== null && Number(value) !== job.setting.value);
  return (
    <Card withBorder data-testid={`job-${job.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{job.label}</Text>
            <Text size="sm" c="dimmed">
              {job.description}
            </Text>
          </div>
          <Button
            size="xs"
            variant="light"
            loading={runNow.isPending}
            onClick={() => runNow.mutate({ name: job.name })}
            aria-label={`Run “${job.label}” now`}
          >
            Run now
          </Button>
        </Group>
        <Group align="flex-end">
          <NumberInput
            label="Every (minutes, 0 = off)"
            description={`Runs ${formatInterval(Number(minutes) || 0)}`}
            min={0}
            max={43_200}
            step={5}
            allowDecimal={false}
            value={minutes}
            onChange={setMinutes}
            w={200}
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
                intervalMinutes: Math.round(Number(minutes)),
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
