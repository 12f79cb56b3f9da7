import { describe, expect, it } from 'vitest';
import { DESIGN_PAGES, DESKTOP } from './design-pages.ts';
import { useDesignSession } from './design-session.ts';

const pageNamed = (name: string) => {
  const found = DESIGN_PAGES.find((p) => p.name === name);
  if (!found) throw new Error(`No design page ${name}`);
  return found;
};

describe('keyboard-first shell', () => {
  const session = useDesignSession(50);

  it('lists every shortcut under ?, and Escape closes the list', async () => {
    const page = await session.open(pageNamed('overview'), { viewport: DESKTOP });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const text of [
      'Open the command palette',
      'Go to Customers',
      'Go to Settings',
      "Focus the page's search box",
    ]) {
      expect(await dialog.getByText(text).isVisible(), text).toBe(true);
    }
    expect(await dialog.getByText('Ctrl', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('jumps to pages with g-sequences, but not while typing', async () => {
    const page = await session.open(pageNamed('overview'), { viewport: DESKTOP });
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.waitForURL(/\/customers$/);
    await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
    // The Customers page puts the cursor in its search box; shortcuts wait until it is left.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.waitForURL(/\/settings$/);
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${session.server.url}/design`);
    const search = page.getByRole('textbox', { name: 'Search sample customers' });
    await search.click();
    await page.keyboard.type('g c');
    expect(await search.inputValue()).toBe('g c');
    expect(new URL(page.url()).pathname).toBe('/design');
    await page.context().close();
  });

  it('focuses the search box with /, and moves through table rows with arrows and Enter', async () => {
    const page = await session.open(pageNamed('ui-kit'), { viewport: DESKTOP });
    await page.keyboard.press('/');
    const search = page.getByRole('textbox', { name: 'Search sample customers' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('anna');

    const rows = page.getByRole('table', { name: 'Sample customers' }).locator('tbody tr[data-row]');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const focusedName = await page.evaluate(() => document.activeElement?.querySelector('td')?.textContent);
    expect(focusedName).toBe(await rows.nth(1).locator('td').first().textContent());
    await page.keyboard.press('Enter');
    await page.getByText(`Would open ${focusedName}.`).waitFor();
    await page.context().close();
  });

  it('switches theme from the header and remembers it', async () => {
    const page = await session.open(pageNamed('overview'), { viewport: DESKTOP, colorScheme: 'light' });
    const html = page.locator('html');
    expect(await html.getAttribute('data-mantine-color-scheme')).toBe('light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await html.getAttribute('data-mantine-color-scheme')).toBe('dark');
    await page.reload();
    await page.getByTestId('stat-customers-value').waitFor();
    expect(await html.getAttribute('data-mantine-color-scheme')).toBe('dark');
    await page.context().close();
  });
});
