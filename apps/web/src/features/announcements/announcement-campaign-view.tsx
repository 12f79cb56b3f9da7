import type { RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { StatusBadge } from '../../components/ui/status-badge.tsx';
import { formatCount } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CAMPAIGN_STATUS } from '../../lib/statuses.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { MailPreviewFrame } from '../mail/mail-preview-frame.tsx';
import { AnnouncementRecipientsTable } from './announcement-recipients-table.tsx';
import { CampaignDailyReport } from './campaign-daily-report.tsx';

type Campaign = RouterOutputs['announcements']['get'];

function AnnouncementPreview({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [shownAs, setShownAs] = useState<string | undefined>();
  const preview = useQuery(trpc.announcements.preview.queryOptions({ id: campaign.id, email: shownAs }));
  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    setShownAs(email.trim() || undefined);
  };
  const testSend = useMutation(
    trpc.announcements.testSend.mutationOptions({
      onSuccess: ({ toAddress }) => notifySuccess(`Test queued to ${toAddress}.`),
      onError: (error) => notifyError(error, 'The test was not sent'),
    }),
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        {/* A form, so Enter in the address shows the preview as the Show button does. */}
        <Group component="form" align="flex-end" onSubmit={showPreview}>
          <TextInput
            label="Preview as"
            placeholder="an address in the audience"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            w={280}
          />
          <Button type="submit" variant="default">
            Show
          </Button>
          <Button
            variant="default"
            loading={testSend.isPending}
            onClick={() =>
              testSend.mutate({ id: campaign.id, email: shownAs, requestId: crypto.randomUUID() })
            }
          >
            Send me a test
          </Button>
        </Group>
        {preview.error ? (
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        ) : preview.data ? (
          <>
            <Text size="sm">
              To {preview.data.email}: <b>{preview.data.subject}</b>
            </Text>
            <MailPreviewFrame
              html={preview.data.html}
              text={preview.data.text}
              label="Announcement preview"
            />
          </>
        ) : (
          <SkeletonRows rows={3} />
        )}
      </Stack>
    </Card>
  );
}

/** A campaign's state, its controls, a preview as any recipient, and each recipient's status. */
export function AnnouncementCampaignView({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmStart, setConfirmStart] = useState(false);
  const options = (done: string) => ({
    onSuccess: async () => {
      notifySuccess(done);
      await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
    },
    onError: (error: unknown) => notifyError(error),
  });
  const start = useMutation(trpc.announcements.start.mutationOptions(options('Sending started.')));
  const pause = useMutation(trpc.announcements.pause.mutationOptions(options('Paused.')));
  const resume = useMutation(trpc.announcements.resume.mutationOptions(options('Resumed.')));
  const cancel = useMutation(trpc.announcements.cancel.mutationOptions(options('Cancelled.')));
  const retry = useMutation(
    trpc.announcements.retryFailed.mutationOptions(options('Failed recipients queued again.')),
  );
  const { counts, status } = campaign;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const id = { id: campaign.id };

  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {campaign.name}
            </Title>
            <StatusBadge vocabulary={CAMPAIGN_STATUS} status={status} />
          </Group>
          <Text size="sm">To {campaign.audienceText}.</Text>
          {total > 0 ? (
            <Text size="sm" data-testid="announcement-counts">
              {formatCount(counts.sent)} sent of {formatCount(total)} ·{' '}
              {formatCount(counts.pending + counts.queued)} waiting · {formatCount(counts.failed)} failed ·{' '}
              {formatCount(counts.bounced)} bounced · {formatCount(counts.unsubscribed)} unsubscribed
            </Text>
          ) : null}
          <Group gap="xs">
            {status === 'draft' ? <Button onClick={() => setConfirmStart(true)}>Start sending</Button> : null}
            {status === 'sending' ? (
              <Button variant="default" onClick={() => pause.mutate(id)}>
                Pause
              </Button>
            ) : null}
            {status === 'paused' ? <Button onClick={() => resume.mutate(id)}>Resume</Button> : null}
            {status === 'sending' || status === 'paused' ? (
              <Button variant="default" color="red" onClick={() => cancel.mutate(id)}>
                Cancel the rest
              </Button>
            ) : null}
            {counts.failed > 0 && status !== 'cancelled' ? (
              <Button variant="default" onClick={() => retry.mutate(id)}>
                Retry {formatCount(counts.failed)} failed
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Card>
      <AnnouncementPreview campaign={campaign} />
      {status !== 'draft' ? <CampaignDailyReport campaignId={campaign.id} /> : null}
      {status !== 'draft' ? (
        <AnnouncementRecipientsTable campaignId={campaign.id} canRetry={status !== 'cancelled'} />
      ) : null}
      <ConfirmDialog
        opened={confirmStart}
        title="Start sending?"
        confirmLabel="Start sending"
        onClose={() => setConfirmStart(false)}
        onConfirm={() => {
          setConfirmStart(false);
          start.mutate(id);
        }}
      >
        The audience is fixed now and each person gets one email, at the pace set in Settings.
      </ConfirmDialog>
    </Stack>
  );
}
