import { Fieldset, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { TimeZoneSelect } from '../../app/time-zone-select';
import type { ClientFormValues } from './client-form';

type Props = { form: UseFormReturnType<ClientFormValues> };

// Labels avoid the words "name" and "email" so that "Name" and "Email" stay unambiguous.

/** `isNew`: a new client, whose time zone may be left empty (the server uses the practice's). */
export function ClientDetailsFields({
  form,
  isNew = false,
}: Props & { isNew?: boolean }): ReactElement {
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
      <TimeZoneSelect
        label="Time zone"
        description={
          isNew
            ? "Session times are shown to the client in this zone. Leave it empty to use the practice's."
            : 'Session times are shown to the client in this zone'
        }
        placeholder={isNew ? "The practice's time zone" : undefined}
        clearable={isNew}
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
