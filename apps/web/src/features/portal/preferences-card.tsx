import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SafeContact } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { TimeZoneSelect } from '../../app/time-zone-select';
import { usePortalPreferences, useUpdatePreferences } from './portal-api';

/** Each change is saved on its own, so a switch never sends a value the client did not touch. */
export function PreferencesCard(): ReactElement {
  const current = usePortalPreferences();
  const mutation = useUpdatePreferences({
    onSuccess: () => notifications.show({ color: 'teal', message: 'Preference saved.' }),
  });
  const prefs = current.data;
  function toggle(key: keyof SafeContact, value: boolean): void {
    if (!prefs) return;
    mutation.mutate({ safeContact: { [key]: value } });
  }
  return (
    <Card withBorder component="section" aria-labelledby="preferences">
      <Stack gap="sm">
        <Title order={2} size="h4" id="preferences">
          How we contact you
        </Title>
        <Text size="sm">
          If an e-mail from us could put you at risk, turn e-mails off. You will still see
          everything here when you sign in.
        </Text>
        {current.isPending && <Loading size="sm" label="Loading your preferences" />}
        <ErrorAlert
          error={current.error ?? mutation.error}
          title="Could not save your preference"
        />
        {prefs && (
          <>
            <Switch
              label="Send me e-mails"
              checked={prefs.safeContact.mayEmail}
              onChange={(e) => toggle('mayEmail', e.currentTarget.checked)}
            />
            <Switch
              label="E-mails may say more than “you have a message”"
              checked={prefs.safeContact.emailMayIncludeDetails}
              disabled={!prefs.safeContact.mayEmail}
              onChange={(e) => toggle('emailMayIncludeDetails', e.currentTarget.checked)}
            />
            <Switch
              label="Remind me before sessions"
              checked={prefs.safeContact.remindersEnabled}
              onChange={(e) => toggle('remindersEnabled', e.currentTarget.checked)}
            />
            <TimeZoneSelect
              label="Your time zone"
              description="Session times are shown in this zone"
              value={prefs.timeZone}
              onChange={(value) => {
                if (!value) return;
                mutation.mutate({ timeZone: value });
              }}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
