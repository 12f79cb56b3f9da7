import { Alert, Button, Group, Modal, Radio, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { QueryError } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { MailHeaderLine } from '../mail/mail-header-line.tsx';
import { MailPreviewFrame } from '../mail/mail-preview-frame.tsx';
import { MailStatusAlert } from '../mail/mail-status-alert.tsx';

const ZAddress = z.email();

export type LicenseResendDialogProps = {
  licenseId: number;
  opened: boolean;
  onClose: () => void;
  /** The customer's address the email goes to unless another is chosen; null when there is none. */
  defaultAddress: string | null;
  canResend: boolean;
  blockedReason: string | null;
};

/** Preview the exact email, optionally choose another address, and queue it in the outbox. */
export function LicenseResendDialog(props: LicenseResendDialogProps) {
  const { licenseId, opened, onClose, defaultAddress } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<'customer' | 'other'>(defaultAddress ? 'customer' : 'other');
  const [otherAddress, setOtherAddress] = useState('');
  const [debouncedOther] = useDebouncedValue(otherAddress.trim(), 300);
  // One id per opening: a double click or a retried request repeats it, so the server queues once.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (opened) setRequestId(crypto.randomUUID());
  }, [opened]);

  const isOtherValid = ZAddress.safeParse(debouncedOther).success;
  const toAddress = target === 'other' ? debouncedOther : undefined;
  const preview = useQuery({
    ...trpc.licenseResend.preview.queryOptions({ licenseId, toAddress }),
    enabled: opened && (target === 'customer' || isOtherValid),
  });

  const send = useMutation(
    trpc.licenseResend.send.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: 'teal',
          title: result.isDuplicate ? 'Already queued' : 'Key email queued',
          message: result.isMailConfigured
            ? `The email to ${result.toAddress} is in the outbox and goes out in a moment.`
            : `The email to ${result.toAddress} waits in the outbox until SMTP is configured.`,
        });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.licenseResend.get.queryKey({ licenseId }) }),
          // The customer's page lists the resend too, when the dialog was opened there.
          queryClient.invalidateQueries({ queryKey: trpc.customer.get.pathKey() }),
        ]);
        onClose();
      },
      onError: (error) => {
        notifications.show({ color: 'red', title: 'The key was not queued', message: error.message });
      },
    }),
  );

  const otherError =
    target === 'other' && otherAddress.trim() !== '' && !ZAddress.safeParse(otherAddress.trim()).success
      ? 'Enter a valid email address.'
      : null;
  const canSend =
    props.canResend &&
    preview.isSuccess &&
    !preview.isFetching &&
    !send.isPending &&
    (target === 'customer' || isOtherValid);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Resend license key"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close the dialog' }}
    >
      <Stack>
        {!props.canResend ? (
          <Alert color="red" title="This key cannot be resent" role="alert">
            {props.blockedReason}
          </Alert>
        ) : null}
        <Radio.Group
          label="Send to"
          value={target}
          onChange={(value) => setTarget(value === 'other' ? 'other' : 'customer')}
        >
          <Stack gap="xs" mt={4}>
            <Radio
              value="customer"
              disabled={!defaultAddress}
              label={defaultAddress ? `The customer: ${defaultAddress}` : 'The customer has no email address'}
            />
            <Radio value="other" label="Another address (recorded as such)" />
          </Stack>
        </Radio.Group>
        {target === 'other' ? (
          <TextInput
            label="Other address"
            type="email"
            placeholder="name@example.com"
            value={otherAddress}
            onChange={(event) => setOtherAddress(event.currentTarget.value)}
            error={otherError}
            data-autofocus
          />
        ) : null}

        {preview.data && !preview.data.isMailConfigured ? <MailStatusAlert /> : null}
        {preview.error ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
        {preview.data ? (
          <Stack gap={4} data-testid="license-resend-preview">
            <MailHeaderLine name="From">{preview.data.from ?? 'the sender set in Settings'}</MailHeaderLine>
            <MailHeaderLine name="To">{preview.data.to}</MailHeaderLine>
            <MailHeaderLine name="Subject">{preview.data.subject}</MailHeaderLine>
            <MailPreviewFrame
              html={preview.data.html}
              text={preview.data.text}
              label="Preview of the email"
            />
          </Stack>
        ) : preview.isLoading ? (
          <Skeleton height={380} aria-label="Loading the preview" />
        ) : target === 'other' && !isOtherValid ? (
          <Text size="sm" c="dimmed">
            Enter the address to see the email.
          </Text>
        ) : null}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={send.isPending}
            disabled={!canSend}
            onClick={() => send.mutate({ licenseId, toAddress, requestId })}
          >
            Send
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
