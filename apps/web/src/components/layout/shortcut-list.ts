import type { Shortcut } from '../../lib/shortcuts.ts';
import { NAV_LINKS } from './nav-links.ts';

/** Every built-in shortcut, as the `?` help lists them. "mod" is Ctrl, or ⌘ on a Mac. */
export const BUILT_IN_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'mod+k', description: 'Open the command palette', group: 'General' },
  { keys: '/', description: "Focus the page's search box", group: 'General' },
  { keys: '?', description: 'Show these shortcuts', group: 'General' },
  { keys: 'Escape', description: 'Close a dialog or menu', group: 'General' },
  ...NAV_LINKS.map((link) => ({ keys: link.shortcut, description: `Go to ${link.label}`, group: 'Go to' })),
  { keys: 'ArrowDown ArrowUp', description: 'Move between rows of a list', group: 'Lists' },
  { keys: 'Home End', description: 'First or last row', group: 'Lists' },
  { keys: 'Enter', description: 'Open the focused row', group: 'Lists' },
];

const KEY_LABELS: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
};

/** The keys to draw as `<kbd>`s; `mod` follows the platform. */
export function shortcutKeyLabels(keys: string, isMac: boolean): string[] {
  return keys
    .trim()
    .split(/\s+/)
    .flatMap((part) =>
      part.includes('+') && part.length > 1
        ? part.split('+').map((k) => (k === 'mod' ? (isMac ? '⌘' : 'Ctrl') : k.toUpperCase()))
        : [KEY_LABELS[part] ?? part],
    );
}
