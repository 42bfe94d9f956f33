import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { EpisodeDetail, Wire } from '@throughline/contracts';
import { bareMovePhases, endingKindsIn } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { PhaseBadge } from '../../app/phase-badge';
import { phaseLabels } from '../../app/phases';
import { EndTherapyModal } from '../endings/end-therapy-modal';
import { PhaseModal } from './phase-modal';

export function EpisodeHeader({ episode }: { episode: Wire<EpisodeDetail> }): ReactElement {
  const [changing, setChanging] = useState(false);
  const [ending, setEnding] = useState(false);
  // Aftercare and closed are reached by recording an ending, not by a bare move (docs/ending.md).
  const allowed = (episode.nextPhases ?? []).filter((to) =>
    bareMovePhases(episode.phase).includes(to),
  );
  const canEnd = endingKindsIn(episode.phase).length > 0 && (episode.nextPhases ?? []).length > 0;
  const clientName = episode.client?.preferredName || episode.client?.displayName;
  const history = episode.phaseHistory ?? [];
  return (
    <Stack gap="xs">
      <Title order={1}>
        {clientName ? `${clientName}: ` : ''}
        {episode.title}
      </Title>
      <Group gap="sm">
        <PhaseBadge phase={episode.phase} />
        <Text size="sm">
          Opened {formatDate(episode.openedAt)}
          {episode.therapistName ? ` · ${episode.therapistName}` : ''}
        </Text>
        <Button variant="default" size="xs" onClick={() => setChanging(true)}>
          Change phase
        </Button>
        {canEnd && (
          <Button variant="default" color="red" size="xs" onClick={() => setEnding(true)}>
            End therapy
          </Button>
        )}
        <Button size="xs" component={Link} to={`/episodes/${episode.id}/brief`}>
          Open brief
        </Button>
      </Group>
      {history.length > 0 && (
        <details>
          <summary>Phase history ({history.length})</summary>
          <List size="sm" mt="xs" spacing={4}>
            {history.map((change) => (
              <List.Item key={`${change.to}-${change.changedAt}`}>
                {change.from ? `${phaseLabels[change.from]} → ` : ''}
                {phaseLabels[change.to]}, {formatDate(change.changedAt)}
                {change.changedBy ? ` by ${change.changedBy.displayName}` : ''}
                {change.reason ? `: ${change.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {changing && (
        <PhaseModal
          episodeId={episode.id}
          phase={episode.phase}
          allowed={allowed}
          onClose={() => setChanging(false)}
        />
      )}
      {ending && (
        <EndTherapyModal
          episodeId={episode.id}
          phase={episode.phase}
          onClose={() => setEnding(false)}
        />
      )}
    </Stack>
  );
}
