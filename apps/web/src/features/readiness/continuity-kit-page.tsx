import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ContinuityKit, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { KitBlock, KitCrisis, KitHomework, KitMusic, RelapsePlan } from './kit-sections';
import { continuityKitQuery, endingSummaryPdfUrl, endingSummaryShared } from './readiness-api';

/** A link to the ending summary once it is shared (its route answers 404 until then). */
function SummaryLink({ episodeId }: { episodeId: string }): ReactElement | null {
  const shared = useQuery(endingSummaryShared(episodeId));
  if (shared.data !== true) return null;
  return (
    <KitBlock title="Your ending summary">
      <Text>A summary of your therapy, written by your therapist for you.</Text>
      <Anchor href={endingSummaryPdfUrl(episodeId)}>Download the ending summary (PDF)</Anchor>
    </KitBlock>
  );
}

function Kit({ kit }: { kit: Wire<ContinuityKit> }): ReactElement {
  return (
    <Card withBorder component="article" aria-label={kit.title}>
      <Stack gap="lg">
        <div>
          <Title order={2} size="h3">
            {kit.title}
          </Title>
          <Text size="sm">
            Started {formatDate(kit.openedAt)}
            {kit.therapistName ? ` with ${kit.therapistName}` : ''}, {kit.practiceName}.
          </Text>
        </div>
        <KitBlock title="Your plan for staying well">
          <RelapsePlan kit={kit} />
        </KitBlock>
        <SummaryLink episodeId={kit.episodeId} />
        <KitBlock title="Homework and skills">
          <KitHomework kit={kit} />
        </KitBlock>
        <KitBlock title="Music from your sessions">
          <KitMusic kit={kit} />
        </KitBlock>
        <KitBlock title="If you need help now">
          <KitCrisis kit={kit} />
        </KitBlock>
        <KitBlock title="Coming back or checking in">
          <Text>{kit.contact.how}</Text>
          {kit.contact.messagesOpen && (
            <Button
              component={Link}
              to="/messages"
              variant="default"
              style={{ alignSelf: 'start' }}
            >
              Write to {kit.therapistName ?? 'your therapist'}
            </Button>
          )}
        </KitBlock>
      </Stack>
    </Card>
  );
}

/** The continuity kit (issue 11): what the client keeps from each ended course of therapy. */
export function ContinuityKitPage(): ReactElement {
  usePageTitle('Your continuity kit');
  const kits = useQuery(continuityKitQuery());
  const items = kits.data?.items ?? [];
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your portal
      </Anchor>
      <Title order={1}>Your continuity kit</Title>
      <Text>
        What you keep from your therapy: your plan for staying well, the exercises and music you
        worked with, and how to get in touch again. It stays here for as long as you have an
        account.
      </Text>
      {kits.isPending && <Loading label="Loading your continuity kit" />}
      <ErrorAlert error={kits.error} title="Could not load your continuity kit" />
      {kits.isSuccess && items.length === 0 && (
        <Text>Your kit appears here once a course of therapy comes to its end.</Text>
      )}
      {items.map((kit) => (
        <Kit key={kit.episodeId} kit={kit} />
      ))}
    </Stack>
  );
}
