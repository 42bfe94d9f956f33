import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { clientsKey, inviteClient } from './caseload-api';

type Props = { opened: boolean; onClose: () => void };

export function InviteClientModal({ opened, onClose }: Props): ReactElement {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { displayName: '', email: '' },
    validate: {
      displayName: (value) => (value.trim() ? null : "Enter the client's name."),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
    },
  });
  const mutation = useMutation({
    mutationFn: inviteClient,
    onSuccess: (client) => {
      void queryClient.invalidateQueries({ queryKey: clientsKey });
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${client.displayName} will receive an e-mail to join the portal.`,
      });
      close();
    },
    onError: (error) => applyFieldErrors(form, error, ['displayName', 'email']),
  });

  function close(): void {
    form.reset();
    mutation.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Invite a client" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({ displayName: values.displayName.trim(), email: values.email.trim() }),
        )}
      >
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
