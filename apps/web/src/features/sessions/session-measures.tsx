import { Paper, Stack, Text, Title } from '@mantine/core';
import type { SessionMeasure, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { formatInZone } from '../../app/format';
import { bandText } from '../measures/measures-api';

function MeasureItem(props: { measure: Wire<SessionMeasure>; timeZone: string }): ReactElement {
  const { measure: m, timeZone } = props;
  const how = m.onBehalf ? 'entered from a paper form' : 'completed by the client';
  const link =
    m.linked === 'session' ? 'for this session' : 'on the day of this session (not linked to it)';
  return (
    <Stack component="li" gap={0}>
      <Text fw={500}>
        {m.title}: {m.total}
        {m.band ? ` (${bandText(m.band)})` : ''}
      </Text>
      <Text size="sm">
        {formatInZone(m.completedAt, timeZone)}, {how} {link}
      </Text>
    </Stack>
  );
}

/** The questionnaires of the session: those completed for it, then those of its day. */
export function SessionMeasures(props: {
  measures: Wire<SessionMeasure>[];
  timeZone: string;
}): ReactElement {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="measures">
      <Stack gap="sm">
        <Title order={2} size="h3" id="measures">
          Questionnaires
        </Title>
        {props.measures.length === 0 ? (
          <Text>No questionnaires were completed for this session or on its day.</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {props.measures.map((m) => (
              <MeasureItem key={m.responseId} measure={m} timeZone={props.timeZone} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
