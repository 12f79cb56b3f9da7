import { Stack } from '@mantine/core';
import { SettingsOutboxTable } from './settings-outbox-table.tsx';
import { SettingsSmtpCard } from './settings-smtp-card.tsx';
import { SettingsTemplateEditor } from './settings-template-editor.tsx';

/** Settings → Email: whether mail can go out, the key email's templates, and the outbox. */
export function SettingsTemplatesTab() {
  return (
    <Stack gap="lg">
      <SettingsSmtpCard />
      <SettingsTemplateEditor />
      <SettingsOutboxTable />
    </Stack>
  );
}
