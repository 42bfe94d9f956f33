import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PortalCheckIn, Wire } from '@throughline/contracts';
import { type ReactElement, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { CrisisResourcesPanel } from '../measures/crisis-resources';
import { CheckInForm } from './check-in-form';
import { formatDueDay } from './check-in-words';
import type { AnsweredCheckIn } from './check-ins-api';
import { portalCheckInsQuery } from './check-ins-api';
import { WithdrawCheckIns } from './withdraw-check-ins';

function Sent({ answer }: { answer: Wire<AnsweredCheckIn> }): ReactElement {
  return (
    <Stack>
      {answer.crisisResources && <CrisisResourcesPanel value={answer.crisisResources} />}
      <Paper withBorder p="lg">
        <Title order={2} size="h3">
          Thank you — your check-in is sent
        </Title>
        <Text mt="xs">
          Your therapist will read it. If you asked to talk, they will be in touch.
        </Text>
        <Anchor component={Link} to="/" mt="sm" display="inline-block">
          Back to your home page
        </Anchor>
      </Paper>
    </Stack>
  );
}

/** One check-in after the ending: answer it, or stop check-ins altogether. */
export function PortalCheckInPage(): ReactElement {
  usePageTitle('Check-in');
  const id = useParams().id ?? '';
  const list = useQuery(portalCheckInsQuery());
  const [checkIn, setCheckIn] = useState<Wire<PortalCheckIn> | null>(null);
  const [answer, setAnswer] = useState<Wire<AnsweredCheckIn> | null>(null);
  // Keep the check-in once loaded: once answered, the list no longer holds it.
  useEffect(() => {
    const found = list.data?.find((c) => c.id === id);
    if (found && !checkIn) setCheckIn(found);
  }, [list.data, id, checkIn]);
  return (
    <Stack maw={640}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your home page
      </Anchor>
      <Title order={1}>Your check-in</Title>
      {list.isPending && <Loading label="Loading your check-in" />}
      <ErrorAlert error={list.error} title="Could not load your check-in" />
      {list.isSuccess && !checkIn && (
        <Text>This check-in is already answered or no longer open.</Text>
      )}
      {checkIn && !answer && (
        <>
          <Text>
            Due {formatDueDay(checkIn.dueOn)}. It takes a few minutes; answering is up to you.
          </Text>
          <CheckInForm checkIn={checkIn} onAnswered={setAnswer} />
          <WithdrawCheckIns episodeId={checkIn.episodeId} />
        </>
      )}
      {answer && <Sent answer={answer} />}
    </Stack>
  );
}
