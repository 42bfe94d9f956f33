import { Card, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useMemo } from 'react';
import type { PortalPreferences, SafeContact } from '../../api/care-types';
import { api } from '../../api/client';
import { ErrorAlert } from '../../app/error-alert';
import { Loading } from '../../app/loading';
import { timeZones } from '../clients/client-form';
import { type PreferencesInput, updatePreferences } from './portal-api';

const preferencesKey = ['portal', 'preferences'] as const;

/** The client's preferences, as GET /portal returns them. */
async function readPreferences(): Promise<PortalPreferences> {
  return (await api<{ preferences: PortalPreferences }>('/portal')).preferences;
}

/** Each change is saved on its own, so a switch never sends a value the client did not touch. */
export function PreferencesCard(): ReactElement {
  const queryClient = useQueryClient();
  const zones = useMemo(timeZones, []);
  const current = useQuery({ queryKey: preferencesKey, queryFn: readPreferences });
  const mutation = useMutation({
    mutationFn: updatePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['portal'], exact: true });
      notifications.show({ color: 'teal', message: 'Preference saved.' });
    },
  });
  const prefs = current.data;
  function toggle(key: keyof SafeContact, value: boolean): void {
    if (!prefs) return;
    const next: PortalPreferences = {
      ...prefs,
      safeContact: { ...prefs.safeContact, [key]: value },
    };
    queryClient.setQueryData(preferencesKey, next);
    mutation.mutate({ safeContact: { [key]: value } } satisfies PreferencesInput);
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
            <Select
              label="Your time zone"
              description="Session times are shown in this zone"
              data={zones}
              searchable
              allowDeselect={false}
              value={prefs.timeZone}
              onChange={(value) => {
                if (!value) return;
                queryClient.setQueryData(preferencesKey, { ...prefs, timeZone: value });
                mutation.mutate({ timeZone: value });
              }}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
