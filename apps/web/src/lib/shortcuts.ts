// Keyboard shortcuts: key sequences ("g c"), the shared registry pages add to, and the `/` search
// target. No React here beyond hooks over a tiny store, so the matcher is unit-tested on its own.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type Shortcut = {
  /** Space-separated key sequence as `KeyboardEvent.key` values: "g c", "/", "?", "n". */
  keys: string;
  description: string;
  group: string;
};

export type Binding<T> = { keys: string; value: T };

/** Sequences must be typed within this time, like GitHub's and Linear's "g" shortcuts. */
export const SEQUENCE_TIMEOUT_MS = 1200;

export function splitKeys(keys: string): string[] {
  return keys.trim().split(/\s+/);
}

/** Feeds keys one at a time; returns the binding a key completes, or null while waiting/unmatched. */
export function createSequenceMatcher<T>(
  getBindings: () => readonly Binding<T>[],
  timeoutMs = SEQUENCE_TIMEOUT_MS,
): (key: string, now: number) => T | null {
  let pending: string[] = [];
  let lastAt = 0;
  const lookup = (typed: string[]) => {
    let exact: T | null = null;
    let isPrefix = false;
    for (const binding of getBindings()) {
      const keys = splitKeys(binding.keys);
      if (keys.length < typed.length || !typed.every((k, i) => keys[i] === k)) continue;
      if (keys.length === typed.length) exact ??= binding.value;
      else isPrefix = true;
    }
    return { exact, isPrefix };
  };
  return (key, now) => {
    if (now - lastAt > timeoutMs) pending = [];
    lastAt = now;
    for (const typed of pending.length > 0 ? [[...pending, key], [key]] : [[key]]) {
      const { exact, isPrefix } = lookup(typed);
      if (exact !== null) {
        pending = [];
        return exact;
      }
      if (isPrefix) {
        pending = typed;
        return null;
      }
    }
    pending = [];
    return null;
  };
}

/** Keys typed into a field belong to the field, never to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

// --- the registry of page shortcuts and search boxes -------------------------------------------

type PageShortcut = Shortcut & { run: () => void };

let pageShortcuts: readonly PageShortcut[] = [];
const searchTargets: HTMLElement[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getPageShortcuts(): readonly PageShortcut[] {
  return pageShortcuts;
}

/** The shortcuts the current page added, for the `?` help. */
export function usePageShortcuts(): readonly PageShortcut[] {
  return useSyncExternalStore(subscribe, getPageShortcuts);
}

/**
 * Adds a page shortcut while the component is mounted (listed under `?`):
 * `useShortcut({ keys: 'r', description: 'Resend the key', group: 'Customer', run: openResend })`.
 */
export function useShortcut(shortcut: PageShortcut): void {
  const latest = useRef(shortcut);
  latest.current = shortcut;
  const { keys, description, group } = shortcut;
  useEffect(() => {
    const entry: PageShortcut = { keys, description, group, run: () => latest.current.run() };
    pageShortcuts = [...pageShortcuts, entry];
    emit();
    return () => {
      pageShortcuts = pageShortcuts.filter((s) => s !== entry);
      emit();
    };
  }, [keys, description, group]);
}

/**
 * Makes an input the target of `/`: `const searchRef = useSearchShortcut(); <TextInput ref={searchRef} />`.
 * The most recently mounted search box wins, so a dialog's search beats the page's.
 */
export function useSearchShortcut<T extends HTMLElement = HTMLInputElement>(): (element: T | null) => void {
  const current = useRef<T | null>(null);
  useEffect(
    () => () => {
      if (current.current) removeSearchTarget(current.current);
    },
    [],
  );
  return (element) => {
    if (current.current && current.current !== element) removeSearchTarget(current.current);
    current.current = element;
    if (element && !searchTargets.includes(element)) searchTargets.push(element);
  };
}

function removeSearchTarget(element: HTMLElement) {
  const index = searchTargets.indexOf(element);
  if (index >= 0) searchTargets.splice(index, 1);
}

/** Focuses the page's search box; false when the page has none. */
export function focusSearchTarget(): boolean {
  for (let i = searchTargets.length - 1; i >= 0; i--) {
    const element = searchTargets[i];
    if (element?.isConnected) {
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
      return true;
    }
  }
  return false;
}
