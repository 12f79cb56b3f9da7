// Toasts for the results of actions, one look everywhere: green with a check for done, red for failed.
import { notifications } from '@mantine/notifications';
import { errorMessage } from './form-errors.ts';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

/** Failures stay until dismissed: the owner should not miss that a key was not sent. */
export function notifyError(error: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: false });
}
