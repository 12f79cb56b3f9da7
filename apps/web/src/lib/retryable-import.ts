// Browsers may remember a failed module fetch for the life of the document (the HTML module map
// keeps the failure, and a failed `<link rel=modulepreload>` can put it there first), so calling
// `import()` again returns the same failure even once the network is back. A retry therefore asks
// for the module under a URL the module map has not seen: the same file with a query string.

/** The URL of the module a failed `import()` named, as Chromium and Firefox print it; null if none. */
export function failedModuleUrl(error: unknown, origin: string): string | null {
  const message = error instanceof Error ? error.message : String(error);
  for (const candidate of message.match(/\bhttps?:\/\/[^\s'"<>]+/g) ?? []) {
    try {
      const url = new URL(candidate.replace(/[.,;:)]+$/, ''));
      if (url.origin === origin && /\.m?js$/.test(url.pathname)) return url.href;
    } catch {
      // Not a URL after all; try the next candidate.
    }
  }
  return null;
}

/** The same module's URL with a retry marker the module map has never seen. */
export function freshModuleUrl(url: string, attempt: number): string {
  const fresh = new URL(url);
  fresh.searchParams.set('retry', `${Date.now().toString(36)}-${attempt}`);
  return fresh.href;
}

/**
 * Wraps a `() => import('./x')` so that every call after a failure fetches the module afresh: first
 * as written (browsers that do not keep failures), then under a fresh URL when the browser kept it.
 * A module re-imported this way is a second instance of the same file; that is safe only because it
 * replaces one that never loaded.
 */
export function retryableImport<M>(load: () => Promise<M>): () => Promise<M> {
  let attempt = 0;
  let lastFailure: unknown;
  const fetchAfresh = async (): Promise<M> => {
    try {
      return await load();
    } catch (error) {
      const url =
        failedModuleUrl(error, window.location.origin) ??
        failedModuleUrl(lastFailure, window.location.origin);
      if (!url) throw error;
      // The URL is built at run time, so the bundler must leave this import as it is; the module
      // it yields is the one `load` imports, hence the same type.
      return (await import(/* @vite-ignore */ freshModuleUrl(url, attempt))) as M;
    }
  };
  return async () => {
    const isRetry = attempt > 0;
    attempt += 1;
    try {
      return await (isRetry ? fetchAfresh() : load());
    } catch (error) {
      lastFailure = error;
      throw error;
    }
  };
}
