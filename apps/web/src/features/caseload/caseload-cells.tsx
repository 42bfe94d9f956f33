import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { formatInZone } from '../../app/format';
import { PhaseBadge } from '../../app/phase-badge';
import { StatusBadge } from '../../app/status-badge';
import { attentionLabel, briefPath, type CaseloadRow, coverMark } from './caseload-rows';

export function NameCell({ row }: { row: CaseloadRow }): ReactElement {
  return (
    <Stack gap={2}>
      {/* A colleague covering reads the brief and messages, not the client's record. */}
      {row.cover?.viewer === 'designee' ? (
        <Text fw={500}>{row.displayName}</Text>
      ) : (
        <Anchor component={Link} to={`/clients/${row.clientId}`} fw={500}>
          {row.displayName}
        </Anchor>
      )}
      {row.preferredName && row.preferredName !== row.displayName && (
        <Text size="sm">Goes by {row.preferredName}</Text>
      )}
      {row.cover && (
        <Text size="sm" fw={row.cover.viewer === 'designee' ? 500 : undefined}>
          {coverMark(row.cover)}
        </Text>
      )}
      {row.email && (
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {row.email}
        </Text>
      )}
    </Stack>
  );
}

/** The episode's phase; the portal account state where it adds something (invited, or no episode). */
export function PhaseCell({ row }: { row: CaseloadRow }): ReactElement {
  return (
    <Group gap={6}>
      {row.phase && <PhaseBadge phase={row.phase} />}
      {row.status && (row.status === 'invited' || !row.phase) && (
        <StatusBadge status={row.status} />
      )}
      {!row.phase && <Text size="sm">No open episode</Text>}
    </Group>
  );
}

export function NextSessionCell({ row }: { row: CaseloadRow }): ReactElement {
  const text = row.nextSession
    ? formatInZone(row.nextSession, row.nextSessionTimeZone)
    : 'None scheduled';
  return (
    <Text size="sm" component="span">
      {text}
    </Text>
  );
}

export function AttentionCell({ row }: { row: CaseloadRow }): ReactElement {
  if (row.attention.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={6}>
      {row.attention.map((item) => {
        const isAlert = item.kind === 'urgent-alerts' || item.kind === 'alerts';
        const badge = (
          <Badge
            key={item.kind}
            color={item.kind === 'urgent-alerts' ? 'red.9' : 'orange'}
            variant={item.kind === 'urgent-alerts' ? 'filled' : 'outline'}
            c={item.kind === 'urgent-alerts' ? 'white' : 'dark.7'}
            tt="none"
          >
            {attentionLabel(item.kind, item.count)}
          </Badge>
        );
        return isAlert && row.episodeId ? (
          <Anchor key={item.kind} component={Link} to={`/episodes/${row.episodeId}#alerts`}>
            {badge}
          </Anchor>
        ) : (
          badge
        );
      })}
    </Group>
  );
}

export function BriefLink({ row }: { row: CaseloadRow }): ReactElement | null {
  const to = briefPath(row);
  if (!to) return null;
  return (
    // Named "Open brief" only: its row gives the client, and a name containing the client's
    // name would make "the link named <client>" ambiguous.
    <Anchor component={Link} to={to} size="sm">
      Open brief
    </Anchor>
  );
}
