import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PlanItem, UpdateMeasurementPlanRequest, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { planScheduleText } from '../../app/labels';
import { Loading } from '../../app/loading';
import { planQuery, useSavePlan, useSendTask } from './measures-api';
import { type NewPlanItem, PlanItemForm } from './plan-item-form';
import { SentQuestionnaires } from './sent-questionnaires';

type Item = Wire<PlanItem>;

/** The whole plan as the PUT takes it (the server replaces the plan with this list). */
function request(items: readonly (Item | NewPlanItem)[]): UpdateMeasurementPlanRequest {
  return {
    items: items.map((i) => ({
      instrument: i.instrument,
      schedule: i.schedule,
      everyN: i.everyN,
      active: 'active' in i ? i.active : true,
      startsOn: i.startsOn,
    })),
  };
}

// A calendar day as the therapist chose it (no time, so no zone to shift it).
const day = (iso: string): string => formatDate(`${iso}T12:00:00`);

function PlanRow(props: {
  item: Item;
  busy: boolean;
  onToggle: () => void;
  onStop: () => void;
  onSend: () => void;
}): ReactElement {
  const { item, busy } = props;
  return (
    <Paper withBorder p="sm" component="li" aria-label={item.title}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{item.title}</Text>
          <Badge color={item.active ? 'teal' : 'gray'} variant="light" tt="none">
            {item.active ? 'In use' : 'Paused'}
          </Badge>
        </Group>
        <Text size="sm">
          {planScheduleText(item.schedule, item.everyN)}
          {item.startsOn ? `, from ${day(item.startsOn)}` : ''}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={busy} onClick={props.onSend}>
            Send now
          </Button>
          <Button size="xs" variant="default" disabled={busy} onClick={props.onToggle}>
            {item.active ? 'Pause' : 'Resume'}
          </Button>
          <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={props.onStop}>
            Stop
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * "Questionnaires for the client" on the episode page (issue 9, item 2): which questionnaires
 * the client is asked to complete and how often, paused or stopped, one sent now, and what has
 * been sent and completed. The client finds them in their portal.
 */
export function MeasurementPlanSection({ episodeId }: { episodeId: string }): ReactElement {
  const plan = useQuery(planQuery(episodeId));
  const [adding, setAdding] = useState(false);
  const [sentTitle, setSentTitle] = useState<{ title: string; emailed: boolean } | null>(null);
  const save = useSavePlan(episodeId, { onSuccess: () => setAdding(false) });
  const send = useSendTask(episodeId, {
    onSuccess: (sent) => setSentTitle({ title: sent.task.title, emailed: sent.emailed }),
  });
  const items = plan.data ?? [];
  const busy = save.isPending || send.isPending;

  const replace = (next: readonly (Item | NewPlanItem)[]): void => {
    send.reset();
    setSentTitle(null);
    save.mutate(request(next));
  };

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="measurement-plan"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="measurement-plan">
          Questionnaires for the client
        </Title>
        <Text size="sm">
          The client completes these in their portal. They are sent 48 hours before each scheduled
          session, as the plan says; the client is e-mailed only where their contact choices allow.
        </Text>
        {plan.isPending && <Loading label="Loading the questionnaire plan" />}
        <ErrorAlert error={plan.error} title="Could not load the questionnaire plan" />
        <ErrorAlert error={save.error} title="Could not change the plan" />
        <ErrorAlert error={send.error} title="Could not send the questionnaire" />
        {sentTitle && (
          <Alert color="teal" variant="light" role="status">
            {sentTitle.title} is waiting in the client’s portal
            {sentTitle.emailed ? '; they were e-mailed.' : '. No e-mail was sent.'}
          </Alert>
        )}
        {plan.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No questionnaires are planned. Add one below.
          </Text>
        )}
        {items.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <PlanRow
                key={item.instrument}
                item={item}
                busy={busy}
                onSend={() => {
                  setSentTitle(null);
                  send.mutate(item.instrument);
                }}
                onToggle={() =>
                  replace(
                    items.map((i) =>
                      i.instrument === item.instrument ? { ...i, active: !i.active } : i,
                    ),
                  )
                }
                onStop={() => replace(items.filter((i) => i.instrument !== item.instrument))}
              />
            ))}
          </Stack>
        )}
        {plan.data &&
          (adding ? (
            <PlanItemForm
              planned={items.map((i) => i.instrument)}
              saving={save.isPending}
              onAdd={(item) => replace([...items, item])}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <Button
              variant="default"
              style={{ alignSelf: 'start' }}
              onClick={() => setAdding(true)}
            >
              Add a questionnaire
            </Button>
          ))}
        <SentQuestionnaires episodeId={episodeId} />
      </Stack>
    </Paper>
  );
}
