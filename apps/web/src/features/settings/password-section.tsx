import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { checkConfirmation, checkNewPassword, NEW_PASSWORD_HINT } from '../auth/new-password';
import { useChangePassword } from './settings-api';

export function PasswordSection(): ReactElement {
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password.'),
      newPassword: checkNewPassword,
      confirm: (value, values) => checkConfirmation(value, values.newPassword),
    },
  });
  const mutation = useChangePassword({
    onSuccess: (result) => {
      form.reset();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message:
          result.sessionsEnded > 0
            ? `You stay signed in here; ${result.sessionsEnded} other ${result.sessionsEnded === 1 ? 'sign-in was' : 'sign-ins were'} ended.`
            : 'You stay signed in here.',
      });
    },
    onError: (error) =>
      applyFieldErrors(form, error, ['currentPassword', 'newPassword', 'confirm']),
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="password">
      <Stack>
        <Title order={2} size="h3" id="password">
          Password
        </Title>
        <Text>
          Changing your password signs you out on every other device; this one stays signed in.
        </Text>
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            mutation.mutate({
              currentPassword: values.currentPassword,
              newPassword: values.newPassword,
            }),
          )}
        >
          <Stack maw={420}>
            <ErrorAlert error={mutation.error} title="Could not change your password" />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label="New password"
              description={NEW_PASSWORD_HINT}
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label="Confirm new password"
              autoComplete="new-password"
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
              Change password
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
