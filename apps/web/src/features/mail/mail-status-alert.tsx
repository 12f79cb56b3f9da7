import { Alert, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';

/** Said plainly wherever an email is about to be queued while nothing can send it. */
export function MailStatusAlert({ problem }: { problem?: string | null }) {
  return (
    <Alert
      color="yellow"
      icon={<IconMailOff size={18} aria-hidden />}
      title="SMTP is not configured"
      role="status"
    >
      <Text size="sm">
        {problem ? `${problem} ` : ''}The email will wait in the outbox and go out as soon as an SMTP server
        and a sender address are set in Settings (or SMTP_URL and MAIL_FROM in the environment).
      </Text>
    </Alert>
  );
}
