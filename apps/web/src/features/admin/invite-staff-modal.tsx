import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import type { StaffRole } from '../../api/types';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { inviteStaff, usersKey } from './admin-api';

type Props = { opened: boolean; onClose: () => void };

const roles: { value: StaffRole; label: string }[] = [
  { value: 'therapist', label: 'Therapist' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'practice_admin', label: 'Practice admin' },
];

export function InviteStaffModal({ opened, onClose }: Props): ReactElement {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { displayName: '', email: '', role: 'therapist' as StaffRole },
    validate: {
      displayName: (value) => (value.trim() ? null : 'Enter their name.'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
    },
  });
  const mutation = useMutation({
    mutationFn: inviteStaff,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${user.displayName} will receive an e-mail to set a password.`,
      });
      close();
    },
    onError: (error) => applyFieldErrors(form, error, ['displayName', 'email', 'role']),
  });

  function close(): void {
    form.reset();
    mutation.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Invite a staff member" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({
            displayName: values.displayName.trim(),
            email: values.email.trim(),
            role: values.role,
          }),
        )}
      >
        <Stack>
          <Text size="sm">
            They receive an e-mail with a link to set a password. Clinicians and admins set up
            two-factor authentication at their first sign-in.
          </Text>
          <ErrorAlert error={mutation.error} title="Could not send the invitation" />
          <TextInput label="Name" data-autofocus {...form.getInputProps('displayName')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <NativeSelect label="Role" data={roles} {...form.getInputProps('role')} />
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
