import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { formatInZone } from '../../app/format';
import { checkInName, checkInStatusWords, formatDueDay } from './check-in-words';
import { episodeCheckInsQuery } from './check-ins-api';

/** The episode's check-ins after the ending; nothing shown before any was scheduled. */
export function EpisodeCheckInsSection({ episodeId }: { episodeId: string }): ReactElement | null {
  const checkIns = useQuery({ ...episodeCheckInsQuery(episodeId), retry: false });
  const items = checkIns.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="check-ins">
      <Stack gap="xs">
        <Title order={2} id="check-ins" size="h3">
          Check-ins after the ending
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Check-in</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{checkInName(c.afterMonths)}</Table.Td>
                  <Table.Td>{formatDueDay(c.dueOn)}</Table.Td>
                  <Table.Td>
                    {checkInStatusWords[c.status]}
                    {c.answeredAt && (
                      <Text size="xs" c="dimmed">
                        {formatInZone(c.answeredAt)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
