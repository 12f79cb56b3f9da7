import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MutationError } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * Export and erasure for one customer, for the customer page. Export is a plain download (the
 * server checks the session); erasure asks for the customer's address typed out, because it
 * cannot be undone.
 */
export function CustomerPrivacyActions({ customerId, email }: { customerId: number; email: string }) {
  const trpc = useTRPC();
  const exportLink = useQuery(trpc.privacy.export.queryOptions({ customerId }));
  const [isOpen, { open, close }] = useDisclosure(false);
  return (
    <Group gap="sm">
      <Button
        component="a"
        href={exportLink.data?.url}
        download
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        disabled={!exportLink.data}
      >
        Export data (ZIP)
      </Button>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        Erase customer…
      </Button>
      <CustomerEraseDialog customerId={customerId} email={email} isOpen={isOpen} onClose={close} />
    </Group>
  );
}

function CustomerEraseDialog(props: {
  customerId: number;
  email: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const erase = useMutation(
    trpc.privacy.erase.mutationOptions({
      onSuccess: async () => {
        notifications.show({
          color: 'teal',
          title: 'Customer erased',
          message: 'Their personal data is gone.',
        });
        props.onClose();
        // Every cached list, timeline and chart may show them: refetch all of it.
        await queryClient.invalidateQueries();
        await navigate('/customers');
      },
    }),
  );
  const isMatch = typed.trim().toLowerCase() === props.email.toLowerCase();
  return (
    <Modal
      opened={props.isOpen}
      onClose={props.onClose}
      title="Erase this customer"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="This cannot be undone">
          <Text size="sm">
            Erasing removes this person's name, addresses, notes, chats, emails and license keys for good.
            Without these details the product they bought can stop working, and support for it becomes
            impossible: their license key cannot be looked up or sent again.
          </Text>
        </Alert>
        <List size="sm" spacing={4}>
          <List.Item>Orders stay with amount, date and product, so sales figures do not change.</List.Item>
          <List.Item>The audit log records that an erasure happened, without the erased data.</List.Item>
          <List.Item>Backups made before today keep the data until they age out.</List.Item>
        </List>
        <TextInput
          label="Type the customer's email address to confirm"
          description={props.email}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <MutationError error={erase.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!isMatch}
            loading={erase.isPending}
            onClick={() => erase.mutate({ customerId: props.customerId, confirmEmail: typed })}
          >
            Erase permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
