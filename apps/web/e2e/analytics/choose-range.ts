import type { Page } from 'playwright-core';

/** Picks a date range and a granularity on the Analytics page, as the owner clicks them. */
export async function chooseRange(page: Page, range: string, granularity: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Date range' }).getByText(range, { exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Granularity' }).getByText(granularity, { exact: true }).click();
}
