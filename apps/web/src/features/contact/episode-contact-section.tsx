import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ContactAgreement, ContactDefaults, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import { AgreementTerms } from './agreement-terms';
import { useContactAgreement, useContactDefaults } from './contact-api';
import { Conversation } from './conversation';
import { ProposeContactForm } from './propose-form';

/** Where the client stands with the current version, in words. */
export function agreementStateText(agreement: Wire<ContactAgreement>): string {
  const client = agreement.parties.find((p) => p.party === 'client');
  if (agreement.state === 'accepted')
    return `Version ${agreement.version}, accepted by the client${client?.respondedAt ? ` on ${formatInZone(client.respondedAt, null, { dateOnly: true })}` : ''}.`;
  if (agreement.state === 'declined') return `Version ${agreement.version} was declined.`;
  return agreement.governingVersion
    ? `Version ${agreement.version} waits for the client to accept it; version ${agreement.governingVersion} applies until then.`
    : `Version ${agreement.version} waits for the client to accept it; messages open when they do.`;
}

function startFrom(
  agreement: Wire<ContactAgreement> | null | undefined,
  defaults: Wire<ContactDefaults>,
): Wire<ContactDefaults> {
  if (!agreement) return defaults;
  const { safetyNet: _safetyNet, ...terms } = agreement.terms;
  return terms;
}

/**
 * The episode's contact agreement and messages, for the therapist: propose (practice defaults
 * prefilled) or change the agreement, read and reply.
 */
export function EpisodeContactSection({
  episodeId,
  closed,
}: {
  episodeId: string;
  closed: boolean;
}): ReactElement {
  const agreement = useContactAgreement(episodeId);
  const defaults = useContactDefaults();
  const [editing, setEditing] = useState(false);
  const data = agreement.data;
  const canWrite = Boolean(data?.governingVersion && !closed);
  return (
    <Card withBorder component="section" aria-labelledby="contact-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="contact-heading">
            Contact agreement and messages
          </Title>
          {data && data.state !== 'accepted' && (
            <Badge color="orange" variant="outline" c="dark.7" tt="none">
              Waiting for the client
            </Badge>
          )}
        </Group>
        {(agreement.isPending || defaults.isPending) && <Loading label="Loading the agreement" />}
        <ErrorAlert
          error={agreement.error ?? defaults.error}
          title="Could not load the agreement"
        />
        {data === null && !editing && (
          <Text size="sm">
            No contact agreement yet: messages open once you propose one and the client accepts it.
          </Text>
        )}
        {data && !editing && (
          <>
            <Text size="sm">{agreementStateText(data)}</Text>
            <details>
              <summary>Read the terms</summary>
              <AgreementTerms agreement={data} viewer="therapist" />
            </details>
          </>
        )}
        {editing && defaults.data ? (
          <ProposeContactForm
            episodeId={episodeId}
            start={startFrom(data, defaults.data)}
            onDone={() => setEditing(false)}
          />
        ) : (
          !closed &&
          defaults.data && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {data ? 'Propose a change' : 'Propose a contact agreement'}
              </Button>
            </Group>
          )
        )}
        {data && (
          <>
            <Title order={3} size="h5">
              Messages
            </Title>
            <Conversation episodeId={episodeId} canWrite={canWrite} placeholder="Write a reply" />
          </>
        )}
      </Stack>
    </Card>
  );
}
