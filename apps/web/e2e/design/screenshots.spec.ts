import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/server.ts';
import { DESIGN_PAGES, DESKTOP, PHONE, THEMES } from './design-pages.ts';
import { useDesignSession } from './design-session.ts';

// The README's screenshots, from the real app on demo data. `KEYDESK_SCREENSHOTS=1` writes them to
// docs/screenshots (commit the result); otherwise they go to a temporary folder, so `npm test` still
// proves every page can be photographed without changing the working tree.
const OUT_DIR =
  process.env.KEYDESK_SCREENSHOTS === '1'
    ? path.join(REPO_ROOT, 'docs/screenshots')
    : mkdtempSync(path.join(tmpdir(), 'keydesk-screenshots-'));

describe('README screenshots', () => {
  const session = useDesignSession(2000);
  beforeAll(() => {
    mkdirSync(OUT_DIR, { recursive: true });
  });

  for (const theme of THEMES) {
    for (const target of DESIGN_PAGES.filter((candidate) => candidate.hasScreenshot)) {
      it(`photographs ${target.name} in the ${theme} theme, wide and phone-wide`, async () => {
        for (const [viewport, suffix] of [
          [DESKTOP, ''],
          [PHONE, `-${PHONE.width}`],
        ] as const) {
          const page = await session.open(target, { colorScheme: theme, viewport, deviceScaleFactor: 1 });
          await page.evaluate(() => document.fonts.ready);
          await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 });
          // Let chart.js finish its entry animation.
          await page.waitForTimeout(800);
          const file = path.join(OUT_DIR, `${target.name}-${theme}${suffix}.png`);
          await page.screenshot({ path: file });
          expect(statSync(file).size, file).toBeGreaterThan(10_000);
          await page.context().close();
        }
      });
    }
  }
});
