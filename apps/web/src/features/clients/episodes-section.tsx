import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/loading';
import { PhaseBadge } from '../../app/phase-badge';
import { episodeKeys } from '../episodes/episodes-api';
import { listEpisodes, useStartEpisode } from './clients-api';

function StartEpisodeModal(props: { clientId: string; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { title: '', reason: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the episode a short title.'),
      reason: (v) => (v.trim() ? null : 'Say why this course of therapy starts.'),
    },
  });
  const mutation = useStartEpisode({
    onSuccess: (episode) => navigate(`/episodes/${episode.id}`),
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Start an episode of care" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate({ clientId: props.clientId, ...values }),
        )}
      >
        <Stack>
          <ErrorAlert error={mutation.error} title="Could not start the episode" />
          <TextInput
            label="Title"
            description="A short, non-clinical label, e.g. “Music therapy, 2026”"
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea label="Reason" autosize minRows={3} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Start episode
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function EpisodesSection({ clientId }: { clientId: string }): ReactElement {
  const [opened, modal] = useDisclosure(false);
  const episodes = useQuery({
    queryKey: episodeKeys.byClient(clientId),
    queryFn: () => listEpisodes(clientId),
  });
  const items = episodes.data?.items ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="episodes">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="episodes">
          Episodes of care
        </Title>
        <Button onClick={modal.open}>Start episode</Button>
      </Group>
      {opened && <StartEpisodeModal clientId={clientId} opened onClose={modal.close} />}
      {episodes.isPending && <Loading label="Loading episodes" />}
      <ErrorAlert error={episodes.error} title="Could not load the episodes" />
      {episodes.isSuccess && items.length === 0 && <Text>No episodes yet.</Text>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((episode) => (
          <Group component="li" key={episode.id} gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/episodes/${episode.id}`} fw={500}>
              {episode.title}
            </Anchor>
            <PhaseBadge phase={episode.phase} />
            <Text size="sm">
              {formatDate(episode.openedAt)}
              {episode.closedAt ? ` – ${formatDate(episode.closedAt)}` : ' – now'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
