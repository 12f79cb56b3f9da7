import type { Locator, Page } from 'playwright-core';

// The pages the design checks visit. Add a page here when it lands: the accessibility check runs on
// it in both themes and at 375 px, and (with hasScreenshot) the README gets its picture.
export type DesignPage = {
  /** File-name stem of its screenshots: docs/screenshots/<name>-light.png */
  name: string;
  path: string;
  /** Visible once the page has drawn its data, not its skeleton. */
  ready: (page: Page) => Locator;
  isSignedOut?: boolean;
  hasScreenshot?: boolean;
  /** Also photographed 375 px wide. */
  hasPhoneScreenshot?: boolean;
};

const heading = (name: string) => (page: Page) => page.getByRole('heading', { name, exact: true });

export const DESIGN_PAGES: DesignPage[] = [
  {
    name: 'login',
    path: '/login',
    ready: heading('Sign in to Keydesk'),
    isSignedOut: true,
    hasScreenshot: true,
    hasPhoneScreenshot: true,
  },
  {
    name: 'overview',
    path: '/',
    ready: (page) => page.getByTestId('stat-customers-value'),
    hasScreenshot: true,
    hasPhoneScreenshot: true,
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
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };
