import { Button, Card, Grid, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { StatusBadge } from '../components/ui/status-badge.tsx';
import { AnnouncementBlockAddress } from '../features/announcements/announcement-block-address.tsx';
import { AnnouncementCampaignView } from '../features/announcements/announcement-campaign-view.tsx';
import { AnnouncementDraftForm } from '../features/announcements/announcement-draft-form.tsx';
import { AnnouncementSendingLimits } from '../features/announcements/announcement-sending-limits.tsx';
import { CAMPAIGN_STATUS } from '../lib/statuses.ts';
import { useTRPC } from '../lib/trpc.ts';

/** ?id=<campaign> shows one; ?id=new starts a draft. */
export function AnnouncementsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const campaignId = selected && /^\d+$/.test(selected) ? Number(selected) : null;
  const list = useQuery(trpc.announcements.find.queryOptions(undefined, { refetchInterval: 10_000 }));
  const campaign = useQuery(
    trpc.announcements.get.queryOptions(
      { id: campaignId ?? 0 },
      { enabled: campaignId !== null, refetchInterval: 5_000 },
    ),
  );
  const open = (id: number | 'new') => setParams({ id: String(id) });

  return (
    <Stack gap="md">
      <PageHeader
        title="Announcements"
        description="Update notices and the newsletter: one email per person, one-click unsubscribe, no tracking."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => open('new')}>
            New campaign
          </Button>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md">
            <Card withBorder p="xs">
              {list.error ? (
                <QueryError error={list.error} onRetry={() => void list.refetch()} />
              ) : !list.data ? (
                <SkeletonRows rows={4} />
              ) : list.data.items.length === 0 ? (
                <Text c="dimmed" size="sm" p="xs">
                  No campaigns yet.
                </Text>
              ) : (
                <ScrollArea.Autosize mah={600}>
                  {list.data.items.map((c) => (
                    <NavLink
                      key={c.id}
                      active={c.id === campaignId}
                      label={c.name}
                      rightSection={<StatusBadge vocabulary={CAMPAIGN_STATUS} status={c.status} />}
                      onClick={() => open(c.id)}
                    />
                  ))}
                </ScrollArea.Autosize>
              )}
            </Card>
            <AnnouncementSendingLimits />
            <AnnouncementBlockAddress />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {selected === 'new' ? (
            <AnnouncementDraftForm campaign={null} onSaved={open} />
          ) : campaignId === null ? (
            <Card>
              <EmptyState title="Pick a campaign or start a new one">
                Drafts are kept until you start them.
              </EmptyState>
            </Card>
          ) : campaign.error ? (
            <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />
          ) : !campaign.data ? (
            <SkeletonRows rows={6} />
          ) : (
            <Stack gap="md">
              {campaign.data.status === 'draft' ? (
                <AnnouncementDraftForm key={campaign.data.id} campaign={campaign.data} onSaved={open} />
              ) : null}
              <AnnouncementCampaignView campaign={campaign.data} />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
