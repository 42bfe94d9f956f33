import { Card, Stack, Text, Title } from '@mantine/core';
import type { PortalSession, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatInZone } from '../../app/format';
import { modalityLabels } from '../../app/labels';

export function NextSessionsCard({ sessions }: { sessions: Wire<PortalSession>[] }): ReactElement {
  return (
    <Card withBorder component="section" aria-labelledby="next-sessions">
      <Title order={2} size="h4" mb="xs" id="next-sessions">
        Your next sessions
      </Title>
      {sessions.length === 0 ? (
        <Text>No sessions are scheduled at the moment.</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {sessions.map((s) => (
            <li key={s.id}>
              <Text fw={500}>{formatInZone(s.startsAt, s.timeZone)}</Text>
              <Text size="sm">{modalityLabels[s.modality]}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
