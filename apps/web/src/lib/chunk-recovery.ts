// A page's code can fail to arrive: the connection dropped, or a deploy replaced the hashed chunk this
// tab asks for (the old file now 404s). The first is fixed by trying again; the second only by a
// reload that fetches the new build, done once automatically.

const RELOADED_FOR_BUILD_KEY = 'keydesk-reloaded-for-build';
const RELOADED_TO_RETRY_KEY = 'keydesk-reloaded-to-retry';
/** A reload made to retry a page is not made again for the same address within this time. */
const RETRY_RELOAD_QUIET_MS = 60_000;

/** A page's code could not be fetched; the error view offers Retry instead of a blank area. */
export class PageLoadError extends Error {
  constructor(cause: unknown) {
    super('This page could not be loaded.', { cause });
    this.name = 'PageLoadError';
  }
}

/** The module entry script named in an index.html, e.g. `/assets/index-abc123.js`. */
export function findEntryScript(html: string): string | null {
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    if (!/\btype="module"/.test(tag)) continue;
    const src = tag.match(/\bsrc="([^"]+)"/)?.[1];
    if (src) return src;
  }
  return null;
}

/**
 * Reload only when the server ships a different build than this tab runs, and never twice for the
 * same build: if its code fails too, a reload would loop.
 */
export function shouldReloadForBuild(options: {
  running: string | null;
  deployed: string | null;
  reloadedFor: string | null;
}): boolean {
  const { running, deployed, reloadedFor } = options;
  return running !== null && deployed !== null && running !== deployed && reloadedFor !== deployed;
}

function runningEntryScript(): string | null {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.src, window.location.href).pathname : null;
}

// Plain fetch, not tRPC: this asks the static server which build it ships, not the API for data.
async function deployedEntryScript(): Promise<string | null> {
  try {
    const response = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return null;
    const src = findEntryScript(await response.text());
    return src ? new URL(src, window.location.href).pathname : null;
  } catch {
    return null;
  }
}

function readStored(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Marks a reload; false when storage is unavailable, since then nothing could stop a loop. */
function rememberReload(key: string, value: string): boolean {
  try {
    window.sessionStorage.setItem(key, value);
    return window.sessionStorage.getItem(key) === value;
  } catch {
    return false;
  }
}

/**
 * After a retry failed too while the server answers, a browser kept the failure in a way a fresh
 * URL could not get around (say, a shared chunk the page imports): only a new document clears it.
 * Once per address a minute, so a page that truly cannot load shows its error instead of looping.
 */
export function shouldReloadToRetry(options: {
  isRetry: boolean;
  isServerReachable: boolean;
  destination: string;
  lastRetryReload: string | null;
  now: number;
}): boolean {
  const { isRetry, isServerReachable, destination, lastRetryReload, now } = options;
  if (!isRetry || !isServerReachable) return false;
  const [at, where] = (lastRetryReload ?? '').split(' ', 2);
  return where !== destination || !(now - Number(at) < RETRY_RELOAD_QUIET_MS);
}

/**
 * Called when a page's `import()` failed on the way to `destination`: loads that address afresh once
 * if the server ships a newer build (the returned promise then never settles, so the current screen
 * stays until the new document replaces it), otherwise rejects with a PageLoadError for the error view.
 */
export async function recoverFromFailedImport(
  error: unknown,
  destination: string,
  { isRetry = false }: { isRetry?: boolean } = {},
): Promise<never> {
  const deployed = await deployedEntryScript();
  const isNewBuild = shouldReloadForBuild({
    running: runningEntryScript(),
    deployed,
    reloadedFor: readStored(RELOADED_FOR_BUILD_KEY),
  });
  const reload = () => {
    window.location.assign(destination);
    return new Promise<never>(() => {});
  };
  if (isNewBuild && deployed && rememberReload(RELOADED_FOR_BUILD_KEY, deployed)) return reload();
  const now = Date.now();
  const isRetryReload = shouldReloadToRetry({
    isRetry,
    isServerReachable: deployed !== null,
    destination,
    lastRetryReload: readStored(RELOADED_TO_RETRY_KEY),
    now,
  });
  if (isRetryReload && rememberReload(RELOADED_TO_RETRY_KEY, `${now} ${destination}`)) return reload();
  throw new PageLoadError(error);
}
