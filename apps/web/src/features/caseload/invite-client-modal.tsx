import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { InvitedClient, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { ClientDetailsFields, SafeContactFields } from '../clients/client-fields';
import {
  clientFieldPaths,
  clientInput,
  clientValidation,
  emptyClientValues,
} from '../clients/client-form';
import { SignUpCodeNotice } from '../clients/sign-up-code-notice';
import { useInviteClient } from './caseload-api';

type Props = { opened: boolean; onClose: () => void };

export function InviteClientModal({ opened, onClose }: Props): ReactElement {
  const phone = useMediaQuery('(max-width: 30em)');
  const [details, showDetails] = useDisclosure(false);
  const form = useForm({ initialValues: emptyClientValues(), validate: clientValidation });
  // A client invited without e-mail: their sign-up code, shown in this modal once.
  const [withCode, setWithCode] = useState<Wire<InvitedClient> | null>(null);
  const mutation = useInviteClient({
    onSuccess: (client) => {
      if (client.signUpCode) {
        setWithCode(client);
        return;
      }
      notifications.show({
        color: 'teal',
        title: client.invitationSent ? 'Invitation sent' : 'Client added',
        message: client.invitationSent
          ? `${client.displayName} will receive an e-mail to join the portal.`
          : `${client.displayName} is on your caseload.`,
      });
      close();
    },
    onError: (error) => applyFieldErrors(form, error, clientFieldPaths),
  });

  function close(): void {
    setWithCode(null);
    form.reset();
    mutation.reset();
    showDetails.close();
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Invite a client"
      centered
      size="lg"
      fullScreen={phone}
    >
      {withCode?.signUpCode ? (
        <SignUpCodeNotice
          clientName={withCode.preferredName ?? withCode.displayName}
          code={withCode.signUpCode.code}
          expiresAt={withCode.signUpCode.expiresAt}
          onDone={close}
        />
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(clientInput(values)))}>
          <Stack>
            <Text size="sm">
              {form.values.mayEmail
                ? 'The client receives an e-mail with a link to set a password for the client portal.'
                : 'E-mail is off for this client: no e-mail is sent. You get a one-time sign-up code to give them in person.'}
            </Text>
            <ErrorAlert error={mutation.error} title="Could not send the invitation" />
            <TextInput
              label="Name"
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              description={
                form.values.mayEmail ? undefined : 'Optional: leave empty to give a sign-up code.'
              }
              {...form.getInputProps('email')}
            />
            {details ? (
              <ClientDetailsFields form={form} isNew />
            ) : (
              <Button variant="subtle" onClick={showDetails.open} style={{ alignSelf: 'start' }}>
                Add more details now
              </Button>
            )}
            <SafeContactFields form={form} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {form.values.mayEmail && form.values.email.trim()
                  ? 'Send invitation'
                  : 'Add client and make a code'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
