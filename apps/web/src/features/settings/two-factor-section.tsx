import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactElement, useState } from 'react';
import { isClinicianOrAdmin } from '../../app/roles';
import { EnrolmentPanel } from '../auth/enrolment-panel';
import { useSignedInUser } from '../auth/use-me';

export function TwoFactorSection(): ReactElement {
  const me = useSignedInUser();
  const [enrolling, setEnrolling] = useState(false);

  const done = (): void => {
    setEnrolling(false);
    notifications.show({
      color: 'teal',
      message: me.twoFactorEnabled
        ? 'Your new authenticator app is set up. Your other devices were signed out.'
        : 'Two-factor authentication is now on.',
    });
  };

  let body: ReactElement;
  if (enrolling) {
    body = (
      <Stack>
        <EnrolmentPanel replacing={me.twoFactorEnabled} onDone={done} />
        <Button
          variant="default"
          onClick={() => setEnrolling(false)}
          style={{ alignSelf: 'flex-start' }}
        >
          Cancel
        </Button>
      </Stack>
    );
  } else if (me.twoFactorEnabled) {
    body = (
      <Stack align="flex-start">
        <Text>
          {isClinicianOrAdmin(me.role)
            ? 'Clinicians and practice administrators always sign in with a code from their authenticator app.'
            : 'You sign in with your password and a code from your authenticator app.'}
        </Text>
        <Text size="sm" c="dimmed">
          New phone? Move to a new authenticator app here. You will need your password or a code
          from the app you use now.
        </Text>
        <Button variant="default" onClick={() => setEnrolling(true)}>
          Replace authenticator app
        </Button>
      </Stack>
    );
  } else {
    body = (
      <Stack align="flex-start">
        <Text>
          Two-factor authentication asks for a code from an app on your phone when you sign in, so
          someone who learns your password still cannot open your account.
        </Text>
        <Button onClick={() => setEnrolling(true)}>Turn on two-factor authentication</Button>
      </Stack>
    );
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="tfa">
      <Stack>
        <Group gap="sm">
          <Title order={2} size="h3" id="tfa">
            Two-factor authentication
          </Title>
          <Badge color={me.twoFactorEnabled ? 'teal' : 'gray'} variant="light" tt="none">
            {me.twoFactorEnabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        {!me.twoFactorEnabled && isClinicianOrAdmin(me.role) && (
          <Alert color="blue" variant="light">
            Your role requires two-factor authentication; you will be asked to set it up at your
            next sign-in.
          </Alert>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
