import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { STAFF_ROLES, type StaffRole } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { roleLabels } from '../../app/labels';
import { useInviteStaff } from './admin-api';

type Props = { opened: boolean; onClose: () => void };

// Therapist first: the role most invitations are for.
const roles = [...STAFF_ROLES]
  .sort((a, b) => Number(b === 'therapist') - Number(a === 'therapist'))
  .map((value) => ({ value, label: roleLabels[value] }));

export function InviteStaffModal({ opened, onClose }: Props): ReactElement {
  const form = useForm({
    initialValues: { displayName: '', email: '', role: 'therapist' as StaffRole },
    validate: {
      displayName: (value) => (value.trim() ? null : 'Enter their name.'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.'),
    },
  });
  const mutation = useInviteStaff({
    onSuccess: (user) => {
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
