import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Client, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { formatDate } from '../../app/format';
import { zoneLabel } from '../../app/time-zones';
import { ClientDetailsFields, SafeContactFields } from './client-fields';
import { clientChanges, clientFieldPaths, clientValidation, valuesFromClient } from './client-form';
import { useUpdateClient } from './clients-api';
import { NewSignUpCodeButton } from './new-sign-up-code-button';

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Text size="sm">
      <strong>{label}:</strong> {value || '—'}
    </Text>
  );
}

function yesNo(value: boolean | undefined): string {
  if (value === undefined) return '—';
  return value ? 'Yes' : 'No';
}

export function ClientDetailsCard({ client }: { client: Wire<Client> }): ReactElement {
  const [editing, setEditing] = useState(false);
  // The e-mail is the client's login and is not edited here, so it is not checked here either.
  const form = useForm({
    initialValues: valuesFromClient(client),
    validate: { ...clientValidation, email: () => null },
  });
  const mutation = useUpdateClient(client.id, {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Client details saved.' });
      setEditing(false);
    },
    onError: (error) => applyFieldErrors(form, error, clientFieldPaths),
  });

  function startEditing(): void {
    form.setValues(valuesFromClient(client));
    mutation.reset();
    setEditing(true);
  }

  const safe = client.safeContact ?? undefined;
  const emergency = client.emergencyContact;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="details">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="details">
          Details
        </Title>
        {!editing && (
          <Group gap="xs">
            {client.status === 'invited' && <NewSignUpCodeButton client={client} />}
            <Button variant="default" onClick={startEditing}>
              Edit details
            </Button>
          </Group>
        )}
      </Group>
      {editing ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => mutation.mutate(clientChanges(values)))}
        >
          <Stack>
            <ErrorAlert error={mutation.error} title="Could not save the details" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Name" {...form.getInputProps('displayName')} />
              <TextInput
                label="Email"
                type="email"
                readOnly
                description="The client's sign-in; it cannot be changed here"
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
            <ClientDetailsFields form={form} />
            <SafeContactFields form={form} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Save details
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Detail
            label="E-mail"
            value={client.email ?? 'None: signs in with a user name or a sign-up code'}
          />
          <Detail label="Goes by" value={client.preferredName} />
          <Detail label="Pronouns" value={client.pronouns} />
          <Detail
            label="Date of birth"
            value={client.dateOfBirth && formatDate(client.dateOfBirth)}
          />
          <Detail label="Phone" value={client.phone} />
          <Detail label="Time zone" value={zoneLabel(client.timeZone)} />
          <Detail
            label="Emergency contact"
            value={
              emergency &&
              [emergency.name, emergency.relationship, emergency.phone].filter(Boolean).join(', ')
            }
          />
          <Detail label="Therapist" value={client.therapistName} />
          <Detail label="May e-mail" value={yesNo(safe?.mayEmail)} />
          <Detail label="E-mails with details" value={yesNo(safe?.emailMayIncludeDetails)} />
          <Detail label="Reminders" value={yesNo(safe?.remindersEnabled)} />
          <Detail label="Added" value={formatDate(client.createdAt)} />
        </SimpleGrid>
      )}
    </Paper>
  );
}
