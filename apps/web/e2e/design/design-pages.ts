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
  {
    name: 'customers',
    // A common surname, so the page shows how namesakes are told apart.
    path: '/customers?q=hall',
    ready: (page) => page.getByTestId('customer-search-result').first(),
    hasScreenshot: true,
  },
  // Demo customer 2 has a license and an order, and a Latin-script name (the test browser may have no
  // CJK fonts); chat and email thread 1 exist whenever the demo has conversations.
  {
    name: 'customer',
    path: '/customers/2',
    ready: (page) => page.getByTestId('customer-license-row').first(),
    hasScreenshot: true,
  },
  {
    name: 'customer-privacy',
    path: '/customers/2/privacy',
    ready: (page) => page.getByRole('heading', { name: /^Privacy: / }),
    hasScreenshot: true,
  },
  { name: 'license-lookup', path: '/licenses', ready: heading('License lookup'), hasScreenshot: true },
  {
    name: 'license',
    path: '/licenses/2',
    ready: (page) => page.getByRole('heading', { name: / license$/ }),
    hasScreenshot: true,
  },
  { name: 'conversations', path: '/conversations', ready: heading('Conversations'), hasScreenshot: true },
  {
    name: 'chat',
    path: '/conversations/chat/1',
    ready: (page) => page.getByRole('heading', { name: /^Chat with / }),
    hasScreenshot: true,
  },
  {
    name: 'email-thread',
    path: '/conversations/email/1',
    // The thread's subject replaces the placeholder title once it has loaded.
    ready: (page) => page.getByRole('heading', { level: 1, name: /^(?!Email thread$)/ }),
    hasScreenshot: true,
  },
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
