import { Fieldset, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type ReactElement, useMemo } from 'react';
import { type ClientFormValues, timeZones } from './client-form';

type Props = { form: UseFormReturnType<ClientFormValues> };

// Labels avoid the words "name" and "email" so that "Name" and "Email" stay unambiguous.

export function ClientDetailsFields({ form }: Props): ReactElement {
  const zones = useMemo(timeZones, []);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Goes by"
          description="Preferred name, used in sessions"
          autoComplete="off"
          {...form.getInputProps('preferredName')}
        />
        <TextInput label="Pronouns" autoComplete="off" {...form.getInputProps('pronouns')} />
        <TextInput label="Date of birth" type="date" {...form.getInputProps('dateOfBirth')} />
        <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Select
        label="Time zone"
        description="Session times are shown to the client in this zone"
        data={zones}
        searchable
        allowDeselect={false}
        {...form.getInputProps('timeZone')}
      />
      <Fieldset legend="Emergency contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Contact person"
            autoComplete="off"
            {...form.getInputProps('emergencyName')}
          />
          <TextInput
            label="Contact phone"
            type="tel"
            autoComplete="off"
            {...form.getInputProps('emergencyPhone')}
          />
          <TextInput
            label="Relationship"
            autoComplete="off"
            {...form.getInputProps('emergencyRelationship')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

export function SafeContactFields({ form }: Props): ReactElement {
  const mayEmail = form.values.mayEmail;
  return (
    <Fieldset legend="Safe contact">
      <Stack gap="sm">
        <Switch
          label="We may send e-mails"
          description="Turn off when an e-mail could put the client at risk"
          {...form.getInputProps('mayEmail', { type: 'checkbox' })}
        />
        <Switch
          label="E-mails may say more than “you have a message”"
          disabled={!mayEmail}
          {...form.getInputProps('emailMayIncludeDetails', { type: 'checkbox' })}
        />
        <Switch
          label="Session reminders"
          {...form.getInputProps('remindersEnabled', { type: 'checkbox' })}
        />
      </Stack>
    </Fieldset>
  );
}
