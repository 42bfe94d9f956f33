import { Anchor, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { usePortalEpisode } from '../contact/contact-api';
import { useEndingPlan } from './ending-plan-api';

/**
 * The way to the ending plan from the portal home (issue 11), with a word when a proposed plan
 * waits for the client's answer: a plan nobody can find is not agreed together.
 */
export function PortalEndingPlanLink(): ReactElement | null {
  const episode = usePortalEpisode();
  const plan = useEndingPlan(episode.data?.phase === 'closed' ? undefined : episode.data?.id);
  if (!episode.data || episode.data.phase === 'closed') return null;
  const waiting =
    plan.data?.state === 'proposed' &&
    plan.data.parties.find((p) => p.party === 'client')?.response === 'pending';
  return (
    <Text mt="xs" fw={waiting ? 600 : undefined}>
      {waiting
        ? 'An ending plan was proposed to you and waits for your answer: '
        : 'The plan for finishing that you and your therapist agree together: '}
      <Anchor component={Link} to="/ending-plan">
        Your ending plan
      </Anchor>
    </Text>
  );
}
