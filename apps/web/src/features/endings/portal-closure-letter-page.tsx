import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { closureLetterQuery } from './endings-api';

/** The closure letter a client receives after their therapy closed without them (issue 11). */
export function PortalClosureLetterPage(): ReactElement {
  const episodeId = useParams().id ?? '';
  const letter = useQuery(closureLetterQuery(episodeId));
  usePageTitle('A letter from your therapist');
  const data = letter.data;
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your home page
      </Anchor>
      <Title order={1}>A letter from your therapist</Title>
      {letter.isPending && <Loading label="Loading the letter" />}
      <ErrorAlert error={letter.error} title="The letter is not available" />
      {letter.isSuccess && !data && <Text>There is no letter for this course of therapy.</Text>}
      {data && (
        <Card withBorder component="article">
          <Stack>
            <Text size="sm" c="dimmed">
              From {data.therapistName}, {formatInZone(data.sentAt, null, { dateOnly: true })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{data.text}</Text>
            <Title order={2} size="h4">
              If you would like to come back
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {data.howToReturn}
            </Text>
            {data.referrals.length > 0 && (
              <>
                <Title order={2} size="h4">
                  Others who can help
                </Title>
                <List>
                  {data.referrals.map((r, i) => (
                    <List.Item key={`${i}-${r.to}`} style={{ overflowWrap: 'anywhere' }}>
                      <Text span fw={500}>
                        {r.to}
                      </Text>
                      {r.reason && <Text size="sm">{r.reason}</Text>}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
