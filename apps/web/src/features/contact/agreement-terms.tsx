import { List, Stack, Text, Title } from '@mantine/core';
import type { ContactAgreement, Wire } from '@throughline/contracts';
import { zoneSuffix } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { channelsText, responseTimeText, windowText } from './contact-words';

/**
 * The terms of a contact agreement in plain words. The client sees the therapist's hours in
 * their own zone (as they are this week); the therapist sees them in the agreement's zone.
 */
export function AgreementTerms({
  agreement,
  viewer,
}: {
  agreement: Wire<ContactAgreement>;
  viewer: 'client' | 'therapist';
}): ReactElement {
  const { terms } = agreement;
  const windows = viewer === 'client' ? agreement.clientAvailability : terms.availability;
  const zone = viewer === 'client' ? agreement.clientTimeZone : terms.timeZone;
  const channels = channelsText(terms.channels);
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h5">
          How you are in touch
        </Title>
        {channels.length > 0 ? (
          <List size="sm">
            {channels.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">No contact between sessions.</Text>
        )}
      </div>
      <div>
        <Title order={3} size="h5">
          {viewer === 'client' ? 'When your therapist is working' : 'Your working hours'} (
          {zoneSuffix(zone)})
        </Title>
        {windows.length > 0 ? (
          <List size="sm">
            {windows.map((w) => (
              <List.Item key={`${w.weekday}-${w.from}`}>{windowText(w)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">No set hours.</Text>
        )}
        <Text size="sm" mt={4}>
          Replies come {responseTimeText(terms.responseTimeHours)}, during these hours.
        </Text>
      </div>
      <div>
        <Title order={3} size="h5">
          What messages are for
        </Title>
        <Text size="sm">{terms.purpose}</Text>
      </div>
      <div>
        <Title order={3} size="h5">
          In a crisis
        </Title>
        <Text size="sm">{terms.crisis}</Text>
      </div>
      <div>
        <Title order={3} size="h5">
          After our work ends
        </Title>
        <Text size="sm">{terms.afterEnding}</Text>
      </div>
      <Text size="sm" c="dimmed">
        {terms.safetyNet}
      </Text>
    </Stack>
  );
}
