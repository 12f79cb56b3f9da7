import { notifications } from '@mantine/notifications';

/** A toast whose close button has a name (axe requires one; Mantine's has none by default). */
export function notifySettings(color: 'green' | 'red', message: string): void {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': 'Dismiss notification' } });
}
