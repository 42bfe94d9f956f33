import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { dueFirst, formatDueDay, portalCheckInStatusWords } from './check-in-words';
import { portalCheckInsQuery } from './check-ins-api';

/** The client's check-ins after the ending, the ones ready for an answer first. */
export function PortalCheckInsCard(): ReactElement | null {
  const checkIns = useQuery(portalCheckInsQuery());
  const items = dueFirst(checkIns.data ?? []);
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="check-ins">
      <Stack gap="xs">
        <Title order={2} id="check-ins" size="h3">
          Your check-ins
        </Title>
        <Text size="sm">A few questions about how things are since we finished. Up to you.</Text>
        {items.map((item) => (
          <div key={item.id}>
            <Anchor component={Link} to={`/check-ins/${item.id}`} fw={500}>
              Check-in of {formatDueDay(item.dueOn)}
            </Anchor>
            <Text size="sm">{portalCheckInStatusWords[item.status]}</Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
