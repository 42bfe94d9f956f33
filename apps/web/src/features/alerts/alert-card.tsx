import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useId, useState } from 'react';
import { Link } from 'react-router';
import type { Alert } from '../../api/measure-types';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { sectionTitle } from '../brief/generic-section';
import { acknowledgeAlert, kindLabel } from './alerts-api';
import { AlertFollowUp } from './follow-up';

function inputValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "Why am I seeing this alert?": the rule, its version, the inputs and the published source. */
export function AlertWhy({ alert }: { alert: Alert }): ReactElement {
  const inputs = Object.entries(alert.inputs ?? {});
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm" td="underline">
          Why am I seeing this alert?
        </Text>
      </summary>
      <Stack gap={4} mt={4}>
        <Text size="sm">
          <strong>Rule:</strong> {alert.rule} (version {alert.ruleVersion})
        </Text>
        {inputs.length > 0 && (
          <>
            <Text size="sm" fw={700}>
              Inputs:
            </Text>
            <Stack component="ul" gap={0} pl="md" m={0}>
              {inputs.map(([k, v]) => (
                <Text component="li" size="sm" key={k}>
                  {sectionTitle(k)}: {inputValue(v)}
                </Text>
              ))}
            </Stack>
          </>
        )}
        <Text size="sm">
          <strong>Source:</strong> {alert.source}
        </Text>
        <Text size="sm">
          The rule flags a pattern for your attention; the clinical judgement is yours.
        </Text>
      </Stack>
    </details>
  );
}

type Props = { alert: Alert; showClient?: boolean; invalidate: readonly unknown[][] };

export function AlertCard({ alert, showClient, invalidate }: Props): ReactElement {
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [writing, setWriting] = useState(false);
  const ack = useMutation({
    mutationFn: () => acknowledgeAlert(alert.id, note.trim() || undefined),
    onSuccess: () => {
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const done = alert.acknowledgedAt !== null;
  const urgent = alert.severity === 'urgent';
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      style={{
        borderLeft: `4px solid var(--mantine-color-${done ? 'gray-5' : urgent ? 'red-8' : 'orange-8'})`,
        background: done ? 'var(--mantine-color-gray-0)' : undefined,
        color: done ? 'var(--mantine-color-gray-7)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge
            color={done ? 'gray' : urgent ? 'red.9' : 'orange'}
            variant={done ? 'outline' : 'filled'}
            c={done ? 'gray.8' : urgent ? 'white' : 'dark.9'}
            tt="none"
          >
            {done ? 'Acknowledged' : urgent ? 'Urgent' : 'Warning'}
          </Badge>
          <Text fw={600}>{kindLabel(alert.kind)}</Text>
          {showClient && alert.episodeId && (
            <Anchor component={Link} to={`/episodes/${alert.episodeId}`} size="sm">
              {alert.displayName ?? 'Open the episode'}
            </Anchor>
          )}
        </Group>
        <Text size="sm">{alert.explanation}</Text>
        <Text size="xs">Raised {formatDateTime(alert.createdAt)}</Text>
        <AlertWhy alert={alert} />
        {!showClient && <AlertFollowUp episodeId={alert.episodeId} alertId={alert.id} />}
        {done ? (
          <Text size="sm">
            Acknowledged {formatDateTime(alert.acknowledgedAt)}
            {alert.note ? `: “${alert.note}”` : ''}
          </Text>
        ) : (
          <>
            {writing && (
              <Textarea
                id={noteId}
                label="Note (optional)"
                description="What you did or decided; kept with the alert."
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            )}
            <ErrorAlert error={ack.error} title="Could not acknowledge the alert" />
            <Group gap="xs">
              <Button size="xs" loading={ack.isPending} onClick={() => ack.mutate()}>
                Acknowledge
              </Button>
              {!writing && (
                <Button size="xs" variant="default" onClick={() => setWriting(true)}>
                  Add a note
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
