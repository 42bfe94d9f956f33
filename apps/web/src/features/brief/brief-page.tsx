import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  type Alert,
  type Brief,
  type BriefSection,
  briefSectionList,
  type Wire,
} from '@throughline/contracts';
import type { ReactElement } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate, formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { BeforeThisEpisodeBrief } from './before-this-episode';
import { briefQuery } from './brief-api';
import { BriefCard } from './brief-card';
import { BriefCover } from './brief-cover';
import { BriefHomework } from './brief-homework';
import { BriefMessages } from './brief-messages';
import { AlertsBrief, GoalsBrief, MeasuresBrief, ToDiscussBrief } from './measure-sections';
import { Milestones } from './milestones';

type Section = BriefSection<Wire<Brief>['sections']>;

/**
 * One further section, by its key. The switch is exhaustive: a section the contract gains
 * without a card here fails the web build instead of rendering raw data.
 */
function SectionCard({
  section,
  alerts,
  episodeId,
}: {
  section: Section;
  alerts: Wire<Alert>[];
  episodeId: string;
}): ReactElement {
  switch (section.key) {
    case 'alerts':
      // Risk comes before scores: open alerts take the whole first row, nothing beside them.
      return (
        <BriefCard id="alerts" title="Alerts" wide={section.items.length > 0}>
          <AlertsBrief items={section.items} />
        </BriefCard>
      );
    case 'measures':
      return (
        <BriefCard id="measures" title="Scores">
          <MeasuresBrief items={section.items} alerts={alerts} />
        </BriefCard>
      );
    case 'toDiscuss':
      return (
        <BriefCard id="to-discuss" title="To discuss this session">
          <ToDiscussBrief items={section.items} />
        </BriefCard>
      );
    case 'goals':
      return (
        <BriefCard id="goals" title="Goals">
          <GoalsBrief items={section.items} />
        </BriefCard>
      );
    case 'readiness':
      return (
        <BriefCard id="readiness" title="Readiness review">
          <Text size="sm">
            Consider a readiness review: {section.items.reasons.map((r) => r.detail).join(' ')}
          </Text>
          <Anchor component={Link} to={`/episodes/${episodeId}#readiness-review`} size="sm">
            Open the readiness review
          </Anchor>
        </BriefCard>
      );
    case 'beforeThisEpisode':
      // A return starts from how the previous episode ended (issue 11).
      return (
        <BriefCard id="before-this-episode" title="Before this episode" wide>
          <BeforeThisEpisodeBrief item={section.items} />
        </BriefCard>
      );
    case 'milestones':
      return (
        <BriefCard id="milestones" title="Milestones">
          <Milestones items={section.items} />
        </BriefCard>
      );
    default: {
      const unknown: never = section;
      return unknown;
    }
  }
}

/** Shown before the core cards (what needs attention first); the rest come after them. */
const FIRST: readonly Section['key'][] = ['alerts', 'beforeThisEpisode', 'measures', 'toDiscuss'];

function sinceText(days: number | null, returning: boolean): string {
  if (days === null) return returning ? 'First session of a return' : 'First session';
  if (days === 0) return 'Last session was today';
  return days === 1 ? '1 day since the last session' : `${days} days since the last session`;
}

function BriefBody({ brief }: { brief: Wire<Brief> }): ReactElement {
  const sections = briefSectionList(brief.sections);
  const first = sections.filter((section) => FIRST.includes(section.key));
  const later = sections.filter((section) => !FIRST.includes(section.key));
  const alerts = brief.sections.alerts ?? [];
  const last = brief.lastSession;
  const plan = last?.planForNext;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {first.map((section) => (
        <SectionCard
          key={section.key}
          section={section}
          alerts={alerts}
          episodeId={brief.episode.id}
        />
      ))}
      <BriefMessages
        episodeId={brief.episode.id}
        since={last?.startsAt}
        closed={brief.episode.phase === 'closed'}
      />
      <BriefCard id="plan" title="Last session's plan">
        {last?.startsAt && (
          <Text size="sm">
            {last.appointmentId ? (
              <Anchor component={Link} to={`/sessions/${last.appointmentId}`}>
                Session of{' '}
                {formatInZone(last.startsAt, brief.appointment?.timeZone, { dateOnly: true })}
              </Anchor>
            ) : (
              <>
                Session of{' '}
                {formatInZone(last.startsAt, brief.appointment?.timeZone, { dateOnly: true })}
              </>
            )}
          </Text>
        )}
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {plan || (last ? 'No plan was written.' : 'No earlier session yet.')}
        </Text>
        {last?.unsignedNoteId && (
          <Text size="sm" mt="xs">
            The latest note is still a draft.{' '}
            <Anchor component={Link} to={`/notes/${last.unsignedNoteId}`} className="print-hide">
              Finish and sign it
            </Anchor>
          </Text>
        )}
      </BriefCard>
      <BriefCard id="threads" title="Open threads">
        {brief.openThreads.length === 0 ? (
          <Text>No open threads.</Text>
        ) : (
          <Stack component="ul" gap={4} pl="md" m={0}>
            {brief.openThreads.map((t) => (
              <li key={t.id}>
                <Text>
                  {t.title}{' '}
                  <Text span size="sm">
                    (since {formatDate(t.openedAt)})
                  </Text>
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </BriefCard>
      <BriefCard id="homework" title="Homework">
        {brief.homework.length === 0 ? (
          <Text>No homework set.</Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {brief.homework.map((h) => (
              <BriefHomework key={h.id} item={h} />
            ))}
          </Stack>
        )}
      </BriefCard>
      {later.map((section) => (
        <SectionCard
          key={section.key}
          section={section}
          alerts={alerts}
          episodeId={brief.episode.id}
        />
      ))}
      {!brief.sections.milestones && (
        <BriefCard id="milestones" title="Milestones">
          <Milestones items={[]} />
        </BriefCard>
      )}
    </SimpleGrid>
  );
}

export function BriefPage(): ReactElement {
  const episodeId = useParams().id ?? '';
  const appointmentId = useSearchParams()[0].get('appointment');
  const brief = useQuery(briefQuery(episodeId, appointmentId));
  const data = brief.data;
  const name = data ? data.client.preferredName || data.client.displayName : null;
  usePageTitle(name ? `Brief · ${name}` : 'Pre-session brief');

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/episodes/${episodeId}`} size="sm" className="print-hide">
        ← Back to the episode
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Title order={1}>{name ? `Brief: ${name}` : 'Pre-session brief'}</Title>
          {data && (
            <Text>
              {data.appointment ? (
                <Anchor component={Link} to={`/sessions/${data.appointment.id}`}>
                  Session {formatInZone(data.appointment.startsAt, data.appointment.timeZone)}
                </Anchor>
              ) : (
                'No upcoming session scheduled'
              )}
              {' · '}
              {sinceText(data.daysSinceLastSession, data.episode.previousEpisodeId !== null)}
              {' · '}
              {data.episode.title}
            </Text>
          )}
        </Stack>
        {data && (
          <Button variant="default" className="print-hide" onClick={() => window.print()}>
            Print
          </Button>
        )}
      </Group>
      {brief.isPending && <Loading label="Loading the brief" />}
      <ErrorAlert error={brief.error} title="Could not load the brief" />
      {data && <BriefCover cover={data.cover} />}
      {data && <BriefBody brief={data} />}
    </Stack>
  );
}
