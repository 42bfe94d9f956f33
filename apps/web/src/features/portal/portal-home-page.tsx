import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useSignedInUser } from '../auth/use-me';
import { PortalCheckInsCard } from '../check-ins/portal-check-ins-card';
import { ConsentCard } from '../consent/consent-card';
import { CoverCard } from '../consent/cover-card';
import { MessagesCard } from '../contact/messages-card';
import { PortalEndingSummaryCard } from '../ending/portal-ending-summary-card';
import { PortalEndingPlanLink } from '../ending-plan/portal-ending-plan-link';
import { PortalClosureLetterCard } from '../endings/portal-closure-letter-card';
import { HomeworkCard } from './homework-card';
import { NextSessionsCard } from './next-sessions-card';
import { PlanCard } from './plan-card';
import { usePortalHome } from './portal-api';
import { PreferencesCard } from './preferences-card';
import { ProgressCard } from './progress-card';
import { QuestionnairesCard } from './questionnaires-card';

export function PortalHomePage(): ReactElement {
  usePageTitle('Home');
  const me = useSignedInUser();
  const portal = usePortalHome();
  const data = portal.data;
  // Addressed by the name they asked for (Jordan is "Jo"), their full name otherwise.
  const name = data ? (data.preferredName ?? data.displayName) : me.displayName;
  const homework = data?.homework ?? [];
  const open = homework.filter((h) => h.status !== 'done');
  const done = homework.filter((h) => h.status === 'done');

  return (
    <Stack maw={720}>
      <Title order={1}>Welcome, {name}</Title>
      {portal.isPending && <Loading label="Loading your portal" />}
      <ErrorAlert error={portal.error} title="Could not load your portal" />
      <CoverCard />
      <PortalClosureLetterCard />
      <QuestionnairesCard />
      <PortalCheckInsCard />
      <MessagesCard />
      {data && (
        <>
          <NextSessionsCard sessions={data.nextSessions} />
          <Card withBorder component="section" aria-labelledby="homework">
            <Title order={2} size="h4" mb="xs" id="homework">
              Homework
            </Title>
            {homework.length === 0 && <Text>No homework at the moment.</Text>}
            <Stack>
              {[...open, ...done].map((item) => (
                <HomeworkCard key={item.id} item={item} />
              ))}
            </Stack>
          </Card>
          <PlanCard />
          <PortalEndingSummaryCard />
          <ProgressCard />
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Your therapist
            </Title>
            <Text>
              {data.therapist
                ? `${data.therapist.displayName}, ${data.practiceName}`
                : `${data.practiceName} has not assigned a therapist yet.`}
            </Text>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Finishing therapy, and after
            </Title>
            <Text>
              Whenever you want to, you can tell your therapist how ready you feel to finish:{' '}
              <Anchor component={Link} to="/readiness">
                Thinking about finishing
              </Anchor>
            </Text>
            <PortalEndingPlanLink />
            <Text mt="xs">
              What you keep once a course of therapy ends:{' '}
              <Anchor component={Link} to="/continuity-kit">
                Your continuity kit
              </Anchor>
            </Text>
          </Card>
          <ConsentCard />
          <PreferencesCard />
        </>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Keep your account safe
        </Title>
        <Text>
          {me.twoFactorEnabled
            ? 'Two-factor authentication is on for your account.'
            : 'Add a second step to signing in with an authenticator app, so only you can open your portal.'}{' '}
          <Anchor component={Link} to="/settings/security">
            {me.twoFactorEnabled ? 'Security settings' : 'Turn on two-factor authentication'}
          </Anchor>
        </Text>
        <Text mt="xs">
          You can see who at the practice has opened your record, and when:{' '}
          <Anchor component={Link} to="/access-report">
            Who has seen my record
          </Anchor>
        </Text>
        <Text mt="xs">
          Download a copy of your record, to keep or to take elsewhere:{' '}
          <Anchor component={Link} to="/record">
            Your record
          </Anchor>
        </Text>
      </Card>
    </Stack>
  );
}
