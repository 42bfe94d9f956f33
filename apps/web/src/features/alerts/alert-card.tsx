import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Alert, CaseloadAlert, Wire } from '@throughline/contracts';
import { type ReactElement, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { sectionTitle } from '../brief/generic-section';
import { kindLabel, useAcknowledgeAlert } from './alerts-api';
import { AlertFollowUp } from './follow-up';

/** A rule's input in words: lists joined, objects as "Name: value", never raw JSON. */
function inputValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(inputValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${sectionTitle(k)}: ${inputValue(v)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return String(value);
}

/** "Why am I seeing this alert?": the rule, its version, the inputs and the published source. */
export function AlertWhy({ alert }: { alert: Wire<Alert> }): ReactElement {
  const inputs = Object.entries(alert.inputs);
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

type Props = {
  alert: Wire<Alert> | Wire<CaseloadAlert>;
  showClient?: boolean;
};

export function AlertCard({ alert, showClient }: Props): ReactElement {
  const noteId = useId();
  const form = useForm({ initialValues: { note: '' } });
  const [writing, setWriting] = useState(false);
  const ack = useAcknowledgeAlert(alert);
  const submit = form.onSubmit(({ note }) => ack.mutate(note.trim() || undefined));
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
              {'displayName' in alert ? alert.displayName : 'Open the episode'}
            </Anchor>
          )}
        </Group>
        <Text size="sm">{alert.explanation}</Text>
        <Text size="xs">Raised {formatDateTime(alert.createdAt)}</Text>
        <AlertWhy alert={alert} />
        {!showClient && <AlertFollowUp episodeId={alert.episodeId} alertId={alert.id} />}
        {done ? (
          <Text size="sm">Acknowledged {formatDateTime(alert.acknowledgedAt)}</Text>
        ) : (
          <form onSubmit={submit}>
            <Stack gap={6}>
              {writing && (
                <Textarea
                  id={noteId}
                  label="Note (optional)"
                  description="What you did or decided; kept with the alert."
                  autosize
                  minRows={2}
                  {...form.getInputProps('note')}
                />
              )}
              <ErrorAlert error={ack.error} title="Could not acknowledge the alert" />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={ack.isPending}>
                  Acknowledge
                </Button>
                {!writing && (
                  <Button size="xs" variant="default" onClick={() => setWriting(true)}>
                    Add a note
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
