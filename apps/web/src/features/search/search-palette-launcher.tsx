import { Button, Kbd } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useLayoutEffect, useState } from 'react';
import { LoadErrorBoundary } from '../../components/ui/load-error-boundary.tsx';
import { notifyError } from '../../lib/notify.ts';
import { retryableImport } from '../../lib/retryable-import.ts';
import { palette } from './palette-store.ts';

// Spotlight and the search hooks stay out of the first screen's JavaScript: they load on the first
// Ctrl/Cmd-K or click, after which Spotlight's own shortcut takes over (the store import is tiny).
// After a failed download each attempt fetches afresh, even where the browser kept the failure.
const importPalette = retryableImport(() => import('./search-command-palette.tsx'));
const loadPalette = () => importPalette().then((m) => ({ default: m.SearchCommandPalette }));

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Ctrl/Cmd-K until the palette's code is loaded, as Mantine's useHotkeys would (not while typing),
 * but attached as the header commits: a passive effect runs after paint, and Chromium may hand a
 * key press to the page before it, so a press as soon as the page shows could be lost.
 */
function useLoadShortcut(isEnabled: boolean, onPress: () => void) {
  useLayoutEffect(() => {
    if (!isEnabled) return;
    const handle = getHotkeyHandler([['mod+K', onPress]]);
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      const isTyping =
        target instanceof HTMLElement && (TYPING_TAGS.has(target.tagName) || target.isContentEditable);
      if (!isTyping) handle(event);
    };
    document.documentElement.addEventListener('keydown', onKeyDown);
    return () => document.documentElement.removeEventListener('keydown', onKeyDown);
  }, [isEnabled, onPress]);
}

/** The header's search button, and the Ctrl/Cmd-K shortcut from any page. */
export function SearchPaletteLauncher() {
  const [isLoaded, setIsLoaded] = useState(false);
  // React.lazy keeps a failed download failed, so each new attempt gets a fresh one.
  const [Palette, setPalette] = useState(() => lazy(loadPalette));
  const onLoadError = () => {
    setIsLoaded(false);
    setPalette(() => lazy(loadPalette));
    notifyError(
      new Error('Its code did not download. Check the connection, then open search again.'),
      'Search could not be loaded',
    );
  };
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const load = useCallback(() => setIsLoaded(true), []);
  useLoadShortcut(!isLoaded, load);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconSearch size={14} />}
        rightSection={
          <Kbd size="xs" visibleFrom="sm">
            {isMac ? '⌘K' : 'Ctrl K'}
          </Kbd>
        }
        onClick={() => (isLoaded ? palette.open() : load())}
        aria-label="Search (Ctrl K)"
        aria-keyshortcuts="Control+K Meta+K"
      >
        Search
      </Button>
      {isLoaded ? (
        <LoadErrorBoundary onError={onLoadError}>
          <Suspense fallback={null}>
            <Palette isOpenOnMount />
          </Suspense>
        </LoadErrorBoundary>
      ) : null}
    </>
  );
}
