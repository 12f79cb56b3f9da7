import type { Locator, Page } from 'playwright-core';

// The pages the design checks visit. Add a page here when it lands: the accessibility check runs on
// it in both themes, wide and phone-wide, and (with hasScreenshot) the README gets its pictures at both
// widths.
export type DesignPage = {
  /** File-name stem of its screenshots: docs/screenshots/<name>-light.png */
  name: string;
  path: string;
  /** Visible once the page has drawn its data, not its skeleton. */
  ready: (page: Page) => Locator;
  isSignedOut?: boolean;
  /** Photographed in both themes, wide and phone-wide. */
  hasScreenshot?: boolean;
};

const heading = (name: string) => (page: Page) => page.getByRole('heading', { name, exact: true });

export const DESIGN_PAGES: DesignPage[] = [
  {
    name: 'login',
    path: '/login',
    ready: heading('Sign in to Keydesk'),
    isSignedOut: true,
    hasScreenshot: true,
  },
  {
    name: 'overview',
    path: '/',
    ready: (page) => page.getByTestId('stat-customers-value'),
    hasScreenshot: true,
  },
  { name: 'customers', path: '/customers', ready: heading('Customers'), hasScreenshot: true },
  { name: 'conversations', path: '/conversations', ready: heading('Conversations'), hasScreenshot: true },
  {
    name: 'analytics',
    path: '/analytics',
    // The charts, not just the heading: chart.js loads after the page.
    ready: (page) => page.locator('canvas').first(),
    hasScreenshot: true,
  },
  {
    name: 'announcements',
    path: '/announcements',
    // The list has loaded (demo data has no campaigns), not only the heading.
    ready: (page) => page.getByText('No campaigns yet.'),
    hasScreenshot: true,
  },
  { name: 'settings', path: '/settings', ready: heading('Settings'), hasScreenshot: true },
  {
    name: 'ui-kit',
    path: '/design',
    ready: (page) => page.getByRole('table', { name: 'Sample customers' }),
    hasScreenshot: true,
  },
  { name: 'not-found', path: '/no-such-page', ready: (page) => page.getByText('There is no page here') },
];

export const THEMES = ['light', 'dark'] as const;
// The sizes the owner's day is judged at: a laptop and a current phone (CSS pixels).
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
