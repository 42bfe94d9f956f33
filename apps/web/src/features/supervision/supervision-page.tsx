import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { usePageTitle } from '../../app/page-title';

export function SupervisionPage(): ReactElement {
  usePageTitle('Supervision');
  return (
    <Stack maw={720}>
      <Title order={1}>Supervision</Title>
      <Card withBorder>
        <Text>
          No client has shared records with you yet. Supervisors see a client's records only after
          the client consents to it; shared records will be listed here.
        </Text>
      </Card>
    </Stack>
  );
}
