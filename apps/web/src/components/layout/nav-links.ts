import {
  IconChartBar,
  IconHome,
  IconKey,
  IconMessages,
  IconSettings,
  IconSpeakerphone,
  IconUsers,
} from '@tabler/icons-react';

export const NAV_LINKS = [
  { to: '/', label: 'Overview', icon: IconHome, shortcut: 'g o' },
  { to: '/customers', label: 'Customers', icon: IconUsers, shortcut: 'g c' },
  { to: '/licenses', label: 'License lookup', icon: IconKey, shortcut: 'g l' },
  { to: '/conversations', label: 'Conversations', icon: IconMessages, shortcut: 'g m' },
  { to: '/analytics', label: 'Analytics', icon: IconChartBar, shortcut: 'g a' },
  { to: '/announcements', label: 'Announcements', icon: IconSpeakerphone, shortcut: 'g n' },
  { to: '/settings', label: 'Settings', icon: IconSettings, shortcut: 'g s' },
] as const;
