import { Button, Paper, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { formatInZone } from '../../app/format';
import { Loading } from '../../app/loading';
import type { AccessReportPages } from './access-report-api';
import { accessSentence } from './access-sentence';

/** One entry per access, newest first, as cards (they fit a 390-px phone). */
export function AccessReportList({
  report,
  timeZone,
}: {
  report: AccessReportPages;
  /** The zone the times are read in (the client's own); the viewer's when absent. */
  timeZone?: string | null | undefined;
}): ReactElement {
  const items = report.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      {report.isPending && <Loading label="Loading who has seen the record" />}
      <ErrorAlert error={report.error} title="Could not load the list" />
      {report.isSuccess && items.length === 0 && (
        <Text>No one at the practice has opened this record yet.</Text>
      )}
      <Stack
        component="ol"
        aria-label="Who opened or changed the record, newest first"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((item, index) => (
          <Paper component="li" key={`${item.at}-${index}`} withBorder p="sm" radius="sm">
            <Text size="sm" c="dimmed">
              {formatInZone(item.at, timeZone)}
            </Text>
            <Text>{accessSentence(item)}</Text>
          </Paper>
        ))}
      </Stack>
      {report.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void report.fetchNextPage()}
          loading={report.isFetchingNextPage}
        >
          Show earlier
        </Button>
      )}
    </Stack>
  );
}
