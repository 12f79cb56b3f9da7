import { afterEach, describe, expect, it, vi } from 'vitest';
import { failedModuleUrl, freshModuleUrl, retryableImport } from './retryable-import.ts';

const origin = 'http://127.0.0.1:5173';

describe('failedModuleUrl', () => {
  it.each([
    ['Chromium', `Failed to fetch dynamically imported module: ${origin}/assets/customers-page-Ab1.js`],
    ['Firefox', `error loading dynamically imported module: ${origin}/assets/customers-page-Ab1.js.`],
  ])('reads the module named in %s’s message', (_browser, message) => {
    expect(failedModuleUrl(new TypeError(message), origin)).toBe(`${origin}/assets/customers-page-Ab1.js`);
  });

  it('answers null when no script of this origin is named', () => {
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'), origin)).toBeNull();
    expect(failedModuleUrl(new TypeError('Failed to fetch https://evil.example/x.js'), origin)).toBeNull();
    expect(failedModuleUrl(new TypeError(`Failed: ${origin}/api/data`), origin)).toBeNull();
    expect(failedModuleUrl(undefined, origin)).toBeNull();
  });
});

describe('freshModuleUrl', () => {
  it('gives each attempt a URL the module map has not seen, on the same file', () => {
    const first = freshModuleUrl(`${origin}/assets/a-1.js`, 1);
    const second = freshModuleUrl(`${origin}/assets/a-1.js`, 2);
    expect(first).not.toBe(second);
    expect(new URL(first).pathname).toBe('/assets/a-1.js');
  });
});

describe('retryableImport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('imports as written the first time and again on a retry the browser allows', async () => {
    vi.stubGlobal('window', { location: { origin } });
    const load = vi
      .fn<() => Promise<{ value: number }>>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockResolvedValueOnce({ value: 2 });
    const loadModule = retryableImport(load);
    await expect(loadModule()).rejects.toThrow('offline');
    await expect(loadModule()).resolves.toEqual({ value: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('rethrows when the browser kept the failure and named no module to fetch afresh', async () => {
    vi.stubGlobal('window', { location: { origin } });
    const failure = new TypeError('Importing a module script failed.');
    const loadModule = retryableImport(() => Promise.reject(failure));
    await expect(loadModule()).rejects.toBe(failure);
    await expect(loadModule()).rejects.toBe(failure);
  });
});
