import { Stack, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { usePageTitle } from '../../app/page-title';
import { useSignedInUser } from '../auth/use-me';
import { CalendarFeedSection } from './calendar-feed-section';
import { PasswordSection } from './password-section';
import { SignOutEverywhereSection } from './sign-out-everywhere-section';
import { TokensSection } from './tokens-section';
import { TwoFactorSection } from './two-factor-section';

export function SecurityPage(): ReactElement {
  usePageTitle('Security');
  const { may } = useSignedInUser();
  return (
    <Stack maw={900} gap="xl">
      <Title order={1}>Security</Title>
      <PasswordSection />
      <TwoFactorSection />
      {may.manageCalendarFeed && <CalendarFeedSection />}
      {may.manageApiTokens && <TokensSection />}
      <SignOutEverywhereSection />
    </Stack>
  );
}
