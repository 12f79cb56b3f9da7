import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../fixtures/browser.ts';
import { DESIGN_PAGES, DESKTOP, PHONE, THEMES } from './design-pages.ts';
import { useDesignSession } from './design-session.ts';

const WIDTHS = [
  ['wide', DESKTOP],
  [`${PHONE.width} px`, PHONE],
] as const;

// axe-core (serious and critical fail) on every page, in both themes, wide and phone-wide.
describe('every page is accessible in both themes, wide and narrow', () => {
  const session = useDesignSession();

  for (const theme of THEMES) {
    for (const [width, viewport] of WIDTHS) {
      for (const target of DESIGN_PAGES) {
        it(`${target.name}: ${theme}, ${width}`, async () => {
          const page = await session.open(target, { colorScheme: theme, viewport });
          // The app follows the system theme until the owner picks one.
          expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(theme);
          await expectAccessible(page, `${target.name} (${theme}, ${width})`);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${target.name} scrolls sideways at ${width}`).toBeLessThanOrEqual(0);
          await page.context().close();
        });
      }
    }
  }
});
