import {
  Alert,
  Anchor,
  AppShell,
  Burger,
  Center,
  Group,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactElement, useEffect } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { errorMessage, isUnauthorized } from '../api/problem';
import { markSignedIn } from '../api/session';
import { useMe } from '../features/auth/use-me';
import { Loading } from './loading';
import { navItemsFor } from './nav-links';
import { roleLabels } from './roles';
import { SignOutButton } from './sign-out-button';

export function SignedInLayout(): ReactElement {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  // Close the phone menu after navigating.
  useEffect(() => close(), [location.pathname]);
  useEffect(() => {
    if (me.data) markSignedIn();
  }, [me.data]);

  if (me.isPending || (me.isError && isUnauthorized(me.error))) {
    // A 401 is redirected to sign-in by the query client.
    return (
      <Center component="main" h="100dvh">
        <Loading label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center component="main" h="100dvh" p="md">
        <Alert color="red" title="Throughline is not available" role="alert">
          {errorMessage(me.error)}
        </Alert>
      </Center>
    );
  }

  const user = me.data;
  const items = navItemsFor(user.role);
  const links = items.map((item) => (
    <NavLink
      key={item.to}
      component={RouterNavLink}
      to={item.to}
      end
      active={location.pathname === item.to}
      label={item.label}
      w={{ base: '100%', sm: 'auto' }}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  ));

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? 'Close menu' : 'Open menu'}
              aria-expanded={opened}
              aria-controls="main-menu"
            />
            <Stack gap={0}>
              <Anchor component={Link} to="/" fw={700} c="teal.9" underline="never" size="lg">
                Throughline
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {user.practiceName}
              </Text>
            </Stack>
            <Group component="nav" aria-label="Main" gap={4} ml="lg" visibleFrom="md" wrap="nowrap">
              {links}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={500} lineClamp={1}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabels[user.role]}
              </Text>
            </Stack>
            <SignOutButton visibleFrom="md" />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" id="main-menu" hiddenFrom="md">
        {/* Rendered only while open, so the hidden menu is not in the tab order. */}
        {opened && (
          <Stack gap="xs" component="nav" aria-label="Main menu">
            <Text size="sm" hiddenFrom="xs">
              {user.displayName} · {roleLabels[user.role]}
            </Text>
            {links}
            <SignOutButton mt="md" />
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
