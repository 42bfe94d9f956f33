import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { RecordCopyState, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { OWN_COPY_FHIR, OWN_COPY_PDF, useOwnCopyState, useRequestOwnCopy } from './record-copy-api';

/** "Your record": what the copy holds, the downloads, and where a request stands (issue 12). */
export function OwnRecordPage(): ReactElement {
  usePageTitle('Your record');
  const state = useOwnCopyState();
  return (
    <Stack maw={720}>
      <Title order={1}>Your record</Title>
      <Text>
        You have the right to a copy of the record your practice keeps about you. You can download
        it here as often as you like; each download is listed on{' '}
        <Anchor component={Link} to="/access-report">
          Who has seen my record
        </Anchor>
        .
      </Text>
      <Card withBorder component="section" aria-labelledby="what-it-holds">
        <Title order={2} size="h4" mb="xs" id="what-it-holds">
          What your copy holds
        </Title>
        <List spacing={4}>
          <List.Item>Each course of therapy, with its dates and your therapist</List.Item>
          <List.Item>Your sessions: when they were, and whether they happened</List.Item>
          <List.Item>Your plan and goals, and how they were rated</List.Item>
          <List.Item>Your questionnaire scores over time</List.Item>
          <List.Item>Your therapist's signed session notes</List.Item>
          <List.Item>Your messages, the consents you signed and any ending summary</List.Item>
        </List>
        <Text mt="sm">
          What it does not hold: some therapists keep private notes for their own thinking, apart
          from your record (the law calls them psychotherapy notes). They are not part of the copy
          you can download. If you would like to talk about them, or about anything in your copy,
          your therapist is glad to.
        </Text>
      </Card>
      {state.isPending && <Loading label="Loading your record" />}
      <ErrorAlert error={state.error} title="Could not load your record" />
      {state.data && <Downloads state={state.data} />}
    </Stack>
  );
}

function Downloads({ state }: { state: Wire<RecordCopyState> }): ReactElement {
  const ask = useRequestOwnCopy();
  const latest = state.latestRequest;
  const when = (iso: string | null) => formatInZone(iso, state.timeZone);
  const day = (iso: string | null) => formatInZone(iso, state.timeZone, { dateOnly: true });
  return (
    <Card withBorder component="section" aria-labelledby="download">
      <Title order={2} size="h4" mb="xs" id="download">
        Download your copy
      </Title>
      {state.reviewRequired && (
        <Text mb="sm">
          {state.practiceName} asks your therapist to look over a copy before it is released, so
          they can be there for anything that may be hard to read. They answer within 30 days.
        </Text>
      )}
      {state.reviewRequired && latest?.status === 'pending' && (
        <Alert color="blue" mb="sm" title="Your therapist is reviewing your copy">
          You asked on {when(latest.requestedAt)}. You will have an answer by {day(latest.dueBy)}.
        </Alert>
      )}
      {state.reviewRequired && latest?.status === 'released' && state.mayDownload && (
        <Alert color="teal" mb="sm" title="Your copy is ready">
          Released by {latest.decidedByName ?? 'your therapist'} on {when(latest.decidedAt)}. You
          can download it until {day(latest.releasedUntil)}.
        </Alert>
      )}
      {state.reviewRequired && latest?.status === 'refused' && (
        <Alert color="orange" mb="sm" title="Your request was not granted">
          {latest.decidedByName ?? 'Your therapist'} answered on {when(latest.decidedAt)}:{' '}
          {latest.refusalReason}
        </Alert>
      )}
      {state.mayDownload ? (
        <Group>
          <Button component="a" href={OWN_COPY_PDF} download>
            Download as PDF
          </Button>
          <Button component="a" href={OWN_COPY_FHIR} download variant="default">
            Download as a FHIR file
          </Button>
        </Group>
      ) : (
        <Stack gap="xs">
          <ErrorAlert error={ask.error} title="Could not send your request" />
          <Group>
            <Button
              onClick={() => ask.mutate()}
              loading={ask.isPending}
              disabled={latest?.status === 'pending'}
            >
              {latest?.status === 'pending' ? 'Request sent' : 'Ask for my copy'}
            </Button>
          </Group>
        </Stack>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        The PDF is for reading and printing. The FHIR file is the same record in the format health
        systems use, for taking it to another practice.
      </Text>
    </Card>
  );
}
