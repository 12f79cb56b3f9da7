import type { ComponentType } from 'react';
import type { LoaderFunction, RouteObject } from 'react-router';
import { recoverFromFailedImport } from './chunk-recovery.ts';
import { retryableImport } from './retryable-import.ts';

type LazyPage = () => Promise<{ Component?: ComponentType | null }>;

/**
 * A route's `lazy`: imports the page's module and picks its component. Every call after a failed
 * download fetches the module afresh, even in a browser that remembers failed imports.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  const loadModule = retryableImport(load);
  return () => loadModule().then((module) => ({ Component: pick(module) }));
}

/**
 * Turns a route's `lazy: () => import(…).then((m) => ({ Component }))` into a loader that imports the
 * page. react-router's own `lazy` remembers a failed import for the life of the tab; a loader runs
 * again when the error view's Retry revalidates. A static `loader` beside `lazy` (one that starts the
 * page's queries) runs at the same moment, so data and code download in parallel.
 */
function toRetryablePage(route: RouteObject, lazy: LazyPage): RouteObject {
  let Page: ComponentType | undefined;
  let loading: Promise<void> | undefined;
  let failures = 0;
  const ensureLoaded = (destination: string): Promise<void> => {
    loading ??= lazy().then(
      (loaded) => {
        if (!loaded.Component) throw new Error('A lazy page must resolve to { Component }.');
        Page = loaded.Component;
      },
      (error: unknown) => {
        loading = undefined;
        failures += 1;
        return recoverFromFailedImport(error, destination, { isRetry: failures > 1 });
      },
    );
    return loading;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per route when the router is built, never during a render
  function LoadedPage() {
    // react-router renders a route only after its loader resolved, so the code is here.
    return Page ? <Page /> : null;
  }
  const staticLoader = typeof route.loader === 'function' ? (route.loader as LoaderFunction) : undefined;
  const { lazy: _lazy, ...rest } = route;
  return {
    ...rest,
    async loader(args) {
      const data = staticLoader?.(args);
      await ensureLoaded(args.request.url);
      return (await data) ?? null;
    },
    // Once the code is here, search-param changes and revalidations have nothing to load, unless
    // the route brought a loader of its own.
    shouldRevalidate: (args) =>
      Page === undefined ||
      (staticLoader !== undefined && (route.shouldRevalidate?.(args) ?? args.defaultShouldRevalidate)),
    Component: LoadedPage,
  } as RouteObject;
}

/** Every `lazy` page in the tree, made retryable (see toRetryablePage). */
export function withRetryablePages(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const children = route.children ? withRetryablePages(route.children) : undefined;
    const page = typeof route.lazy === 'function' ? toRetryablePage(route, route.lazy as LazyPage) : route;
    return (children ? { ...page, children } : page) as RouteObject;
  });
}
