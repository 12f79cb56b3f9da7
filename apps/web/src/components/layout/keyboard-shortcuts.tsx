import { ActionIcon } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type Binding,
  createSequenceMatcher,
  focusSearchTarget,
  getPageShortcuts,
  isTypingTarget,
} from '../../lib/shortcuts.ts';
import { NAV_LINKS } from './nav-links.ts';

// The help dialog is fetched the first time `?` is pressed, not with the shell.
const ShortcutsHelpModal = lazy(() =>
  import('./shortcuts-help-modal.tsx').then((m) => ({ default: m.ShortcutsHelpModal })),
);

/** Mounted once in the shell's header: the global shortcuts (`?`, `/`, `g …`), the pages' own, and a button for the help. */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [hasOpenedHelp, setHasOpenedHelp] = useState(false);

  useEffect(() => {
    const openHelp = () => {
      setHasOpenedHelp(true);
      setIsHelpOpen(true);
    };
    const match = createSequenceMatcher<() => void>((): Binding<() => void>[] => [
      { keys: '?', value: openHelp },
      { keys: '/', value: () => void focusSearchTarget() },
      ...NAV_LINKS.map((link) => ({ keys: link.shortcut, value: () => void navigate(link.to) })),
      ...getPageShortcuts().map((s) => ({ keys: s.keys, value: s.run })),
    ]);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
        return;
      if (isTypingTarget(event.target)) return;
      // An open dialog owns the keyboard (Escape, Tab); shortcuts would act behind it.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = match(event.key, event.timeStamp);
      if (action) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  return (
    <>
      {/* A phone has no keyboard to learn shortcuts for; the header keeps its room for search. */}
      <ActionIcon
        visibleFrom="sm"
        variant="default"
        size="lg"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => {
          setHasOpenedHelp(true);
          setIsHelpOpen(true);
        }}
      >
        <IconKeyboard size={18} aria-hidden />
      </ActionIcon>
      {hasOpenedHelp ? (
        <Suspense fallback={null}>
          <ShortcutsHelpModal opened={isHelpOpen} onClose={() => setIsHelpOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
