import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { adminKeys, listUsers } from '../admin/admin-api';
import { assignmentsQuery, useAssignSupervisor, useUnassignSupervisor } from './consent-api';

/** Which supervisor supervises which therapist; access still needs each client's consent. */
export function AdminSupervisionSection(): ReactElement {
  const assignments = useQuery(assignmentsQuery());
  const users = useQuery({ queryKey: adminKeys.users, queryFn: listUsers });
  const form = useForm<{ supervisorId: string | null; therapistId: string | null }>({
    initialValues: { supervisorId: null, therapistId: null },
    validate: {
      supervisorId: (v) => (v ? null : 'Choose a supervisor.'),
      therapistId: (v) => (v ? null : 'Choose a therapist.'),
    },
  });
  const assign = useAssignSupervisor({ onSuccess: () => form.reset() });
  const unassign = useUnassignSupervisor();
  const active = (users.data?.items ?? []).filter((u) => u.status === 'active');
  const options = (role: 'supervisor' | 'therapist') =>
    active.filter((u) => u.role === role).map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Stack component="section" aria-labelledby="supervision-heading">
      <Title order={2} size="h3" id="supervision-heading">
        Supervision
      </Title>
      <Text size="sm">
        A supervisor reads a therapist's client records only while that client's supervision consent
        is live, and only what it names.
      </Text>
      {assignments.isPending && <Loading label="Loading supervision" />}
      <ErrorAlert error={assignments.error} title="Could not load supervision" />
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {(assignments.data ?? []).map((a) => (
          <Card withBorder component="li" key={a.id}>
            <Group justify="space-between" wrap="wrap">
              <Text>
                {a.supervisorName} supervises {a.therapistName}
              </Text>
              <Button
                variant="default"
                loading={unassign.isPending && unassign.variables === a.id}
                onClick={() => unassign.mutate(a.id)}
              >
                End
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <form
        onSubmit={form.onSubmit((v) =>
          assign.mutate({ supervisorId: v.supervisorId ?? '', therapistId: v.therapistId ?? '' }),
        )}
      >
        <Group align="end" wrap="wrap">
          <Select
            label="Supervisor"
            data={options('supervisor')}
            {...form.getInputProps('supervisorId')}
          />
          <Select
            label="Therapist"
            data={options('therapist')}
            {...form.getInputProps('therapistId')}
          />
          <Button type="submit" loading={assign.isPending}>
            Assign
          </Button>
        </Group>
      </form>
      <ErrorAlert error={assign.error ?? unassign.error} title="Could not change supervision" />
    </Stack>
  );
}
