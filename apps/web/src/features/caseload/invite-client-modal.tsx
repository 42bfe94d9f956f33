import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { ClientDetailsFields, SafeContactFields } from '../clients/client-fields';
import {
  clientFieldPaths,
  clientInput,
  clientValidation,
  emptyClientValues,
} from '../clients/client-form';
import { useInviteClient } from './caseload-api';

type Props = { opened: boolean; onClose: () => void };

export function InviteClientModal({ opened, onClose }: Props): ReactElement {
  const phone = useMediaQuery('(max-width: 30em)');
  const [details, showDetails] = useDisclosure(false);
  const form = useForm({ initialValues: emptyClientValues(), validate: clientValidation });
  const mutation = useInviteClient({
    onSuccess: (client) => {
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${client.displayName} will receive an e-mail to join the portal.`,
      });
      close();
    },
    onError: (error) => applyFieldErrors(form, error, clientFieldPaths),
  });

  function close(): void {
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
      <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(clientInput(values)))}>
        <Stack>
          <Text size="sm">
            The client receives an e-mail with a link to set a password for the client portal.
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
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
