import { describe, expect, it } from 'vitest';
import { findEntryScript, shouldReloadForBuild, shouldReloadToRetry } from './chunk-recovery.ts';

describe('findEntryScript', () => {
  it('reads the module entry from a built index.html', () => {
    const html = `<head>
      <script src="/warm-locale.js" async></script>
      <link rel="modulepreload" crossorigin href="/assets/react-B1.js">
      <script type="module" crossorigin src="/assets/index-Ab12.js"></script>
      <link rel="stylesheet" crossorigin href="/assets/index-Cd.css">
    </head>`;
    expect(findEntryScript(html)).toBe('/assets/index-Ab12.js');
  });

  it('ignores classic scripts and answers null without a module entry', () => {
    expect(findEntryScript('<script src="/legacy.js"></script>')).toBeNull();
    expect(findEntryScript('<p>Not found.</p>')).toBeNull();
  });
});

describe('shouldReloadForBuild', () => {
  const running = '/assets/index-old.js';
  it.each([
    { deployed: '/assets/index-new.js', reloadedFor: null, expected: true, why: 'a new build is out' },
    { deployed: running, reloadedFor: null, expected: false, why: 'same build: the network failed' },
    {
      deployed: '/assets/index-new.js',
      reloadedFor: '/assets/index-new.js',
      expected: false,
      why: 'already reloaded for this build once',
    },
    {
      deployed: '/assets/index-newer.js',
      reloadedFor: '/assets/index-new.js',
      expected: true,
      why: 'yet another build since the last reload',
    },
    { deployed: null, reloadedFor: null, expected: false, why: 'the server could not be asked' },
  ])('$why', ({ deployed, reloadedFor, expected }) => {
    expect(shouldReloadForBuild({ running, deployed, reloadedFor })).toBe(expected);
  });

  it('does not reload when the running build is unknown', () => {
    expect(shouldReloadForBuild({ running: null, deployed: '/assets/index-new.js', reloadedFor: null })).toBe(
      false,
    );
  });
});

describe('shouldReloadToRetry', () => {
  const base = { isRetry: true, isServerReachable: true, destination: '/customers', now: 1_000_000 };
  it.each([
    { change: {}, lastRetryReload: null, expected: true, why: 'a retry failed while the server answers' },
    {
      change: { isRetry: false },
      lastRetryReload: null,
      expected: false,
      why: 'the first failure shows Retry',
    },
    { change: { isServerReachable: false }, lastRetryReload: null, expected: false, why: 'still offline' },
    { change: {}, lastRetryReload: '990000 /customers', expected: false, why: 'reloaded here seconds ago' },
    { change: {}, lastRetryReload: '900000 /customers', expected: true, why: 'the last reload was long ago' },
    { change: {}, lastRetryReload: '990000 /licenses', expected: true, why: 'the last reload was elsewhere' },
  ])('$why', ({ change, lastRetryReload, expected }) => {
    expect(shouldReloadToRetry({ ...base, ...change, lastRetryReload })).toBe(expected);
  });
});
