import { Stack, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { usePageTitle } from '../../app/page-title';
import { TokensSection } from './tokens-section';
import { TwoFactorSection } from './two-factor-section';

export function SecurityPage(): ReactElement {
  usePageTitle('Security');
  return (
    <Stack maw={900} gap="xl">
      <Title order={1}>Security</Title>
      <TwoFactorSection />
      <TokensSection />
    </Stack>
  );
}
