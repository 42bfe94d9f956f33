import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { usePageTitle } from '../../app/page-title';
import { PublicLayout } from '../../app/public-layout';
import { useRequestPasswordReset } from './auth-api';

export function ForgotPasswordPage(): ReactElement {
  usePageTitle('Forgot password');
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your e-mail address.'),
    },
  });
  const mutation = useRequestPasswordReset();

  return (
    <PublicLayout>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack>
          <Title order={2} size="h3">
            Forgot your password?
          </Title>
          {mutation.isSuccess ? (
            <Alert color="teal" variant="light" role="status" title="Check your e-mail">
              If an account uses {form.values.email.trim()}, a link to choose a new password is on
              its way. It works once, for one hour. If nothing arrives (or you asked your practice
              not to e-mail you), ask your practice.
            </Alert>
          ) : (
            <form
              noValidate
              onSubmit={form.onSubmit((values) => mutation.mutate(values.email.trim()))}
            >
              <Stack>
                <Text>
                  Enter the e-mail address you sign in with. We will send a link to choose a new
                  password. The e-mail does not mention therapy or your practice.
                </Text>
                <Text size="sm">
                  If you are a client and asked your practice not to e-mail you, no link is sent:
                  ask your practice to help you set a new password.
                </Text>
                <ErrorAlert error={mutation.error} title="Could not send the link" />
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  {...form.getInputProps('email')}
                />
                <Button type="submit" loading={mutation.isPending} fullWidth>
                  Send reset link
                </Button>
              </Stack>
            </form>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
