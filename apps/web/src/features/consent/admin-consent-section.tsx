import {
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import {
  CONSENT_KINDS,
  type ConsentDocument,
  type ConsentKind,
  DEFAULT_CONSENT_TEXTS,
  SUPERVISION_PARTS,
  type SupervisionPart,
  type Wire,
} from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { consentKindLabels, supervisionPartLabels } from '../../app/labels';
import { Loading } from '../../app/loading';
import { consentDocumentsQuery, usePublishConsent } from './consent-api';

type Draft = { title: string; body: string; shares: SupervisionPart[] };

function PublishModal({
  kind,
  current,
  onClose,
}: {
  kind: ConsentKind;
  current: Wire<ConsentDocument> | undefined;
  onClose: () => void;
}): ReactElement {
  const start = current ?? DEFAULT_CONSENT_TEXTS[kind];
  const form = useForm<Draft>({
    initialValues: { title: start.title, body: start.body, shares: [...start.shares] },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the document a title.'),
      body: (v) => (v.trim() ? null : 'Write the text the client will read.'),
    },
  });
  const publish = usePublishConsent({ onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={`New version: ${consentKindLabels[kind]}`} size="lg">
      <form onSubmit={form.onSubmit((v) => publish.mutate({ kind, ...v }))}>
        <Stack gap="sm">
          <Text size="sm">
            The new version replaces the current one. Clients who signed an earlier version keep
            that signature and are asked to sign the new one.
          </Text>
          <TextInput label="Title" {...form.getInputProps('title')} />
          <Textarea
            label="Text"
            description="Plain language; a blank line starts a new paragraph"
            autosize
            minRows={8}
            {...form.getInputProps('body')}
          />
          {kind === 'supervision' && (
            <Checkbox.Group
              label="What the supervisor may read (never psychotherapy notes)"
              {...form.getInputProps('shares')}
            >
              <Stack gap={4} mt={4}>
                {SUPERVISION_PARTS.map((p) => (
                  <Checkbox key={p} value={p} label={supervisionPartLabels[p]} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <ErrorAlert error={publish.error} title="Could not publish" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={publish.isPending}>
              Publish
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The practice's consent documents: the current version of each kind, and a new version. */
export function AdminConsentSection(): ReactElement {
  const docs = useQuery(consentDocumentsQuery());
  const [editing, setEditing] = useState<ConsentKind | null>(null);
  const current = (kind: ConsentKind) =>
    docs.data?.find((d) => d.kind === kind && d.supersededAt === null);
  return (
    <Stack component="section" aria-labelledby="consent-heading">
      <Title order={2} size="h3" id="consent-heading">
        Consent documents
      </Title>
      <Text size="sm">
        What clients sign in the portal. A new version supersedes the current one; every signature
        keeps the version it signed.
      </Text>
      {docs.isPending && <Loading label="Loading consent documents" />}
      <ErrorAlert error={docs.error} title="Could not load consent documents" />
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {CONSENT_KINDS.map((kind) => {
          const doc = current(kind);
          return (
            <Card withBorder component="li" key={kind}>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Text fw={600}>{consentKindLabels[kind]}</Text>
                  <Text size="sm">
                    {doc
                      ? `“${doc.title}”, version ${doc.version}, published ${formatInZone(doc.publishedAt, null, { dateOnly: true })}`
                      : 'Not published yet: clients are not asked to sign it.'}
                  </Text>
                </Stack>
                <Button variant="default" onClick={() => setEditing(kind)}>
                  {doc ? 'New version' : 'Publish'}
                </Button>
              </Group>
            </Card>
          );
        })}
      </Stack>
      {editing && (
        <PublishModal kind={editing} current={current(editing)} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
