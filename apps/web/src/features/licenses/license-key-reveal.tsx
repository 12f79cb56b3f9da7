import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';

/** Everything but the last group is masked until the owner reveals it (shoulder-surfing). */
export function maskLicenseKey(key: string): string {
  const lastSeparator = Math.max(key.lastIndexOf('-'), key.lastIndexOf(' '));
  const visibleFrom = lastSeparator > 0 ? lastSeparator : Math.max(0, key.length - 5);
  return key.slice(0, visibleFrom).replace(/[^\s-]/g, '•') + key.slice(visibleFrom);
}

/** A masked key with Show and Copy. `label` names the license in the buttons where a list has several keys. */
export function LicenseKeyReveal({ licenseKey, label }: { licenseKey: string; label?: string }) {
  const [isRevealed, setRevealed] = useState(false);
  const ofLicense = label ? ` of ${label}` : '';
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" size="sm" data-testid="license-key">
        {isRevealed ? licenseKey : maskLicenseKey(licenseKey)}
      </Text>
      <Tooltip label={isRevealed ? 'Hide key' : 'Show key'}>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={`${isRevealed ? 'Hide' : 'Show'} key${ofLicense}`}
          aria-pressed={isRevealed}
          onClick={() => setRevealed((v) => !v)}
        >
          {isRevealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      <CopyButton value={licenseKey}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy key'}>
            <ActionIcon variant="subtle" size="sm" aria-label={`Copy key${ofLicense}`} onClick={copy}>
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
