import { Stack } from '@mantine/core';
import { SettingsPasswordForm } from './settings-password-form.tsx';
import { SettingsTwoFactorCard } from './settings-two-factor-card.tsx';

export function SettingsSecurityTab() {
  return (
    <Stack gap="lg" maw={640}>
      <SettingsPasswordForm />
      <SettingsTwoFactorCard />
    </Stack>
  );
}
