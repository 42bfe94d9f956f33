import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { applyFieldErrors } from '../../app/field-errors';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { PublicLayout } from '../../app/public-layout';
import { roleLabels } from '../../app/roles';
import { useAcceptInvitation, useInvitation } from './auth-api';
import { checkConfirmation, checkNewPassword } from './new-password';
import { NewPasswordFields } from './new-password-fields';

export function InvitationPage(): ReactElement {
  usePageTitle('Accept invitation');
  const token = useParams().token ?? '';
  const invitation = useInvitation(token);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: checkNewPassword,
      confirm: (value, values) => checkConfirmation(value, values.password),
    },
  });
  const accept = useAcceptInvitation(token, {
    onError: (error) => applyFieldErrors(form, error, ['password']),
  });

  let body: ReactElement;
  if (invitation.isPending) {
    body = <Loading label="Loading invitation" />;
  } else if (invitation.isError) {
    body = (
      <Stack>
        <ErrorAlert error={invitation.error} title="This invitation cannot be used" />
        <Text>
          Ask your practice to send a new invitation, or{' '}
          <Anchor component={Link} to="/sign-in">
            sign in
          </Anchor>{' '}
          if you already set a password.
        </Text>
      </Stack>
    );
  } else if (accept.isSuccess) {
    body = (
      <Stack>
        <Alert color="teal" variant="light" role="status" title="Your password is set">
          You can now sign in
          {invitation.data.email ? ` with ${invitation.data.email}` : ''}.
        </Alert>
        <Button component={Link} to="/sign-in">
          Go to sign in
        </Button>
      </Stack>
    );
  } else {
    const { email, displayName, preferredName, inviterName, practiceName, role, expiresAt } =
      invitation.data;
    // The practice (or the therapist by name) invites; the client is greeted (issue 9, item 9).
    const inviter = inviterName ? `${inviterName} at ${practiceName}` : practiceName;
    body = (
      <form noValidate onSubmit={form.onSubmit((values) => accept.mutate(values.password))}>
        <Stack>
          <Text>Hello {preferredName ?? displayName},</Text>
          <Text>
            <strong>{inviter}</strong> has invited you to Throughline as{' '}
            {role === 'client' ? 'a client' : roleLabels[role].toLowerCase()}.
          </Text>
          <Text size="sm">
            {email && (
              <>
                Account: <strong>{email}</strong>
                <br />
              </>
            )}
            This invitation expires {formatDateTime(expiresAt)}.
          </Text>
          <ErrorAlert error={accept.error} title="Could not set your password" />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={accept.isPending}>
            Set password
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicLayout>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack>
          <Title order={2} size="h3">
            Accept your invitation
          </Title>
          {body}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
