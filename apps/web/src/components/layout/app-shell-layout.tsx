import { AppShell, Burger, Center, Group, Loader, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { SearchPaletteLauncher } from '../../features/search/search-palette-launcher.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ColorSchemeToggle } from './color-scheme-toggle.tsx';
import { KeyboardShortcuts } from './keyboard-shortcuts.tsx';
import { NAV_LINKS } from './nav-links.ts';

export function AppShellLayout() {
  const trpc = useTRPC();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const navigation = useNavigation();
  const status = useQuery(trpc.auth.status.queryOptions());
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        void navigate('/login');
      },
    }),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu whenever the page changes
  useEffect(() => closeNav(), [location.pathname]);

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading Keydesk" />
      </Center>
    );
  }
  if (!status.data?.isSignedIn) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {/* While the next page's code loads the current page stays put; this bar says something is coming. */}
      {navigation.state === 'loading' ? (
        <div className="navigation-progress" role="progressbar" aria-label="Loading page" />
      ) : null}
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <UnstyledButton component={Link} to="/" aria-label="Keydesk home">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={24} height={24} />
                <Text fw={700}>Keydesk</Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap" id="header-actions">
            <SearchPaletteLauncher />
            <KeyboardShortcuts />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <AppShell.Section grow>
          {NAV_LINKS.map((link) => {
            const isActive =
              link.to === '/' ? location.pathname === '/' : location.pathname.startsWith(link.to);
            return (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                leftSection={<link.icon size={18} stroke={1.6} />}
                active={isActive}
                aria-current={isActive ? 'page' : undefined}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component="button"
            label="Sign out"
            leftSection={<IconLogout size={18} stroke={1.6} />}
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader size="sm" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
