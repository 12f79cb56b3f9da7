// The web app's first screen: compressed JavaScript (gzip and brotli) the Overview needs (read from Vite's manifest) and
// the time from navigation to the Overview's figures in headless Chromium, against the real server
// with demo data and a signed-in session. Also the server's peak RSS while it served those loads.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '@keydesk/db/demo';
import { chromium } from 'playwright-core';
import { OWNER, REPO_ROOT, type RunningServer, startServer } from '../apps/web/e2e/fixtures/server.ts';
import { isQuick, percentile, report, reportPeakRss } from './bench-kit.ts';
import { brotliSizeKb, gzipSizeKb, readManifest, staticClosure } from './web-manifest.ts';

const WEB = path.join(REPO_ROOT, 'apps/web');
const DIST = path.join(WEB, 'dist');
const CUSTOMERS = isQuick ? 2_000 : 20_000;
const RUNS = isQuick ? 3 : 9;

// Full runs measure the current sources; quick runs reuse a build that exists.
if (!isQuick || !existsSync(path.join(DIST, '.vite/manifest.json'))) {
  const built = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: WEB,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('The web app did not build.');
}

const manifest = readManifest(DIST);
// The Overview is part of the entry (apps/web/src/router.tsx): its first screen is the entry's closure.
const overview = staticClosure(manifest, ['index.html']);
const login = staticClosure(manifest, ['index.html', 'src/routes/login-page.tsx']);
report('web.first_screen_js_gzip', gzipSizeKb(DIST, overview.js), 'KB');
report('web.first_screen_js_brotli', brotliSizeKb(DIST, overview.js), 'KB');
report('web.first_screen_css_gzip', gzipSizeKb(DIST, overview.css), 'KB');
report('web.login_js_gzip', gzipSizeKb(DIST, login.js), 'KB');

/** Peak RSS (VmHWM) of the server process serving `dbFile`, found through /proc (Linux only). */
function serverPeakRssMb(dbFile: string): number | null {
  if (!existsSync('/proc/self/status')) return null;
  let peakKb = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('apps/api/src/main.ts')) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').includes(dbFile)) continue;
      const hwm = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // The process ended, or belongs to someone else.
    }
  }
  return peakKb > 0 ? peakKb / 1024 : null;
}

let server: RunningServer | undefined;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  headless: true,
});
try {
  server = await startServer();
  const db = await server.openDb();
  generateDemo({ sqlite: db.sqlite, customers: CUSTOMERS, seed: 1 });
  await db.close();

  const signInContext = await browser.newContext();
  const signInPage = await signInContext.newPage();
  await signInPage.goto(`${server.url}/login`);
  await signInPage.getByLabel(/^Email/).fill(OWNER.email);
  await signInPage.getByLabel(/^Password/).fill(OWNER.password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await signInPage.getByTestId('stat-customers-value').waitFor();
  const storageState = await signInContext.storageState();
  await signInContext.close();

  // Each load is a new context: an empty HTTP cache, as on the first visit of the day.
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    // performance.now() counts from the navigation's start, so this is navigation → figures shown.
    // A function, not a string: the app's CSP forbids eval. The DOM is typed by hand because the
    // bench is type-checked without the DOM library.
    const handle = await page.waitForFunction(
      () => {
        const doc = (
          globalThis as unknown as {
            document: { querySelector(s: string): { textContent: string | null } | null };
          }
        ).document;
        const el = doc.querySelector('[data-testid="stat-customers-value"]');
        return el && el.textContent !== '' ? performance.now() : null;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    timings.push((await handle.jsonValue()) as number);
    await context.close();
  }
  report('web.overview_ready', percentile(timings, 50), 'ms');
  report('web.overview_ready_p95', percentile(timings, 95), 'ms');
  report('web.demo_customers', CUSTOMERS, 'customers');
  const serverRss = serverPeakRssMb(server.dbFile);
  if (serverRss !== null) report('web.server.peak_rss', serverRss, 'MB');
  reportPeakRss('web');
} finally {
  await browser.close();
  await server?.stop();
}
