import type { RouterInputs, RouterOutputs } from '@keydesk/api';
import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AnnouncementAudiencePreview } from './announcement-audience-preview.tsx';
import { AnnouncementRulesEditor } from './announcement-rules-editor.tsx';

type Campaign = RouterOutputs['announcements']['get'];
type Draft = RouterInputs['announcements']['saveDraft']['draft'];
type DraftText = 'name' | 'subject' | 'textBody' | 'htmlBody';

const FIELDS = '{{name}}, {{email}}, {{product}}, {{edition}}, {{version}}, {{keyEnding}}';

const EMPTY: Draft = {
  name: '',
  topic: 'updates',
  audience: { include: [{ kind: 'license' }], exclude: [] },
  subject: '',
  textBody: '',
  htmlBody: '',
};

/** A new campaign or a draft: who it goes to and what it says. Saved drafts are kept. */
export function AnnouncementDraftForm({
  campaign,
  onSaved,
}: {
  campaign: Campaign | null;
  onSaved: (id: number) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() =>
    campaign
      ? {
          name: campaign.name,
          topic: campaign.topic,
          audience: campaign.audience,
          subject: campaign.subject,
          textBody: campaign.textBody,
          htmlBody: campaign.htmlBody,
        }
      : EMPTY,
  );
  const save = useMutation(
    trpc.announcements.saveDraft.mutationOptions({
      onSuccess: async ({ id }) => {
        notifySuccess('Draft saved.');
        await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
        onSaved(id);
      },
      onError: (error) => notifyError(error, 'The draft was not saved'),
    }),
  );
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft({ ...draft, [key]: value });
  const bindText = (key: DraftText) => ({
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value),
  });

  return (
    <Stack gap="md">
      <Card withBorder>
        <Stack gap="sm">
          <TextInput label="Name (only you see it)" maxLength={200} {...bindText('name')} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              List (what an unsubscribe leaves)
            </Text>
            <SegmentedControl
              value={draft.topic}
              onChange={(v) => set('topic', v === 'newsletter' ? 'newsletter' : 'updates')}
              data={[
                { value: 'updates', label: 'Update notice' },
                { value: 'newsletter', label: 'Newsletter' },
              ]}
            />
          </div>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="md">
          <AnnouncementRulesEditor
            audience={draft.audience}
            onChange={(audience) => set('audience', audience)}
          />
          <AnnouncementAudiencePreview
            key={JSON.stringify([draft.topic, draft.audience])}
            audience={draft.audience}
            topic={draft.topic}
          />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Fields: {FIELDS}. An unsubscribe link is added to every email.
          </Text>
          <TextInput label="Subject" {...bindText('subject')} />
          <Textarea label="Plain-text part" autosize minRows={5} {...bindText('textBody')} />
          <Textarea label="HTML part" autosize minRows={5} ff="monospace" {...bindText('htmlBody')} />
          <Group>
            <Button
              loading={save.isPending}
              disabled={!draft.name.trim() || !draft.subject.trim() || !draft.textBody || !draft.htmlBody}
              onClick={() => save.mutate({ id: campaign?.id, draft })}
            >
              Save draft
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
