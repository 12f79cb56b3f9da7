import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type ConfirmDialogProps = {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  /** What will happen, in plain words ("Send the key for KD-… to anna@example.com again?"). */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive or irreversible: red button, and Cancel takes the first focus. */
  isDanger?: boolean;
  /** The action is running: the confirm button spins and the dialog cannot be dismissed. */
  isPending?: boolean;
};

/**
 * Asks before an action that sends mail, changes money or erases data. Escape and Cancel close it;
 * the caller closes it on success (and shows a toast), so a failure can be read inside it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, onClose, onConfirm, title, confirmLabel, isDanger = false, isPending = false } = props;
  return (
    <Modal
      opened={opened}
      onClose={isPending ? () => undefined : onClose}
      title={
        <Text fw={650} size="lg" component="span">
          {title}
        </Text>
      }
      closeOnClickOutside={!isPending}
      closeOnEscape={!isPending}
      centered
    >
      <Stack gap="lg">
        <div>{props.children}</div>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={onClose}
            disabled={isPending}
            data-autofocus={isDanger || undefined}
          >
            {props.cancelLabel ?? 'Cancel'}
          </Button>
          <Button
            color={isDanger ? 'red' : undefined}
            onClick={onConfirm}
            loading={isPending}
            data-autofocus={isDanger ? undefined : true}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
