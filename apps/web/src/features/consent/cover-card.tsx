import { Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { formatInZone } from '../../app/format';
import { portalCoverQuery } from './consent-api';

/** On the portal home while someone covers for the client's therapist (APA 3.12, 10.09). */
export function CoverCard(): ReactElement | null {
  const cover = useQuery(portalCoverQuery());
  const items = cover.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="cover">
      <Title order={2} size="h4" mb="xs" id="cover">
        While your therapist is away
      </Title>
      {items.map((c) => (
        <Text key={`${c.designeeName}-${c.endsAt}`}>
          {c.designeeName} is covering for {c.therapistName} until{' '}
          {formatInZone(c.endsAt, c.timeZone)}. They can read your brief and see urgent alerts while{' '}
          {c.therapistName} is away.
        </Text>
      ))}
    </Card>
  );
}
