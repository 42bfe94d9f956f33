import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDateTime } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import {
  endingSummaryKeys,
  endingSummaryPdfUrl,
  endingSummaryQuery,
  useSaveEndingSummary,
  useShareEndingSummary,
} from './ending-summary-api';
import { EndingSummaryForm } from './ending-summary-form';
import { EndingSummaryView } from './ending-summary-view';

/** The therapist writes the ending summary from the record's draft, then shares it (issue 11). */
export function EndingSummaryPage(): ReactElement {
  const episodeId = useParams().id ?? '';
  const summary = useQuery(endingSummaryQuery(episodeId));
  const save = useSaveEndingSummary(episodeId);
  const share = useShareEndingSummary(episodeId);
  const queryClient = useQueryClient();
  const data = summary.data;
  usePageTitle(data ? `Ending summary · ${data.client.name}` : 'Ending summary');
  const reload = () =>
    void queryClient.invalidateQueries({ queryKey: endingSummaryKeys.summary(episodeId) });

  return (
    <Stack maw={820}>
      <Anchor component={Link} to={`/episodes/${episodeId}`} size="sm">
        ← Back to the episode
      </Anchor>
      <Title order={1}>{data ? `Ending summary for ${data.client.name}` : 'Ending summary'}</Title>
      {summary.isPending && <Loading label="Loading the ending summary" />}
      <ErrorAlert error={summary.error} title="Could not load the ending summary" />
      {data && (
        <>
          <Text>
            {data.version === 0
              ? 'A first draft from the record. Edit it, save it, and share it when it reads right.'
              : `Version ${data.version}, saved ${formatDateTime(data.savedAt)}.`}{' '}
            {data.sharedVersion === null
              ? 'Not shared with the client yet.'
              : data.state === 'shared'
                ? `Shared with the client ${formatDateTime(data.sharedAt)}.`
                : `The client sees version ${data.sharedVersion}; this draft is not shared yet.`}
          </Text>
          <Group>
            <Button
              onClick={() => share.mutate({ version: data.version })}
              loading={share.isPending}
              disabled={data.state === 'shared'}
            >
              Share with the client
            </Button>
            <Anchor href={endingSummaryPdfUrl(episodeId)}>Download PDF</Anchor>
            <Anchor href={endingSummaryPdfUrl(episodeId, 'letter')}>Letter paper</Anchor>
            <Anchor href={endingSummaryPdfUrl(episodeId, 'a4')}>A4 paper</Anchor>
          </Group>
          {(save.error || share.error) && (
            <Alert color="red" variant="light" title="Not saved" role="alert">
              <Stack gap="xs">
                <ErrorAlert error={save.error ?? share.error} />
                <Button variant="default" onClick={reload}>
                  Load the newest version
                </Button>
              </Stack>
            </Alert>
          )}
          <EndingSummaryForm
            key={`${data.version}`}
            words={data.words}
            saving={save.isPending}
            onSave={(words) => save.mutate({ ...words, expectedVersion: data.version })}
          />
          <Title order={2}>What the client will read</Title>
          <EndingSummaryView summary={data} />
        </>
      )}
    </Stack>
  );
}
