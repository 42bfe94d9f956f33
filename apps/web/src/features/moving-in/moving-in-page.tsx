import { Alert, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import type { DateOrder, ImportPreview, ImportResult, Wire } from '@throughline/contracts';
import { type ChangeEvent, type ReactElement, useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { usePageTitle } from '../../app/page-title';
import { useCommitImport, usePreviewImport } from './moving-in-api';
import { PreviewTable, refusalText } from './preview-table';

const ORDERS = [
  { value: 'auto', label: 'Work it out from the file' },
  { value: 'day-first', label: 'Day first (31/01/1990)' },
  { value: 'month-first', label: 'Month first (01/31/1990)' },
];

/**
 * Moving in from another system (issue 12): the therapist chooses the client list their old
 * system exported, sees row by row what would be created and why a row cannot be, and imports
 * the file only when every row can be — all or nothing.
 */
export function MovingInPage(): ReactElement {
  usePageTitle('Move clients in');
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [order, setOrder] = useState<string>('auto');
  const [preview, setPreview] = useState<Wire<ImportPreview> | null>(null);
  const [done, setDone] = useState<Wire<ImportResult> | null>(null);
  const check = usePreviewImport({ onSuccess: setPreview });
  const commit = useCommitImport({ onSuccess: setDone });
  const dateOrder = order === 'auto' ? null : (order as DateOrder);

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    setFile(event.target.files?.[0] ?? null);
    setPreview(null);
    setDone(null);
    check.reset();
    commit.reset();
  };
  const refused = preview?.rows.filter((r) => r.outcome === 'refused') ?? [];

  return (
    <Stack maw={960}>
      <Title order={1}>Move clients in</Title>
      <Text>
        Bring your clients over from the system you used before: export your client list from it as
        a CSV file and choose that file here. You will see what each row would become before
        anything is saved. Names, e-mail, date of birth, phone, pronouns, preferred name, time zone
        and emergency contact are read, under the headers common systems use; past sessions can come
        too, in a column such as “Past appointments”.
      </Text>
      <Alert variant="light" title="Nobody is invited">
        Clients you move in are not sent anything. Invite each one from their page when you are
        ready.
      </Alert>

      <Stack gap="xs">
        <Text component="label" htmlFor={inputId} fw={500}>
          CSV file
        </Text>
        <input id={inputId} type="file" accept=".csv,text/csv" onChange={choose} />
      </Stack>
      <Select
        label="How dates are written"
        description="Only matters for dates like 03/04/1990"
        data={ORDERS}
        value={order}
        onChange={(value) => {
          setOrder(value ?? 'auto');
          setPreview(null);
        }}
        allowDeselect={false}
        maw={360}
      />
      <Group>
        <Button
          disabled={!file}
          loading={check.isPending}
          onClick={() => file && check.mutate({ file, dateOrder })}
        >
          Check the file
        </Button>
      </Group>
      <ErrorAlert error={check.error} title="The file could not be read" />

      {preview && !done && (
        <Stack>
          <Title order={2}>What would be imported</Title>
          <Text>
            {preview.summary.clients} of {preview.summary.rows} clients can be imported
            {preview.summary.pastSessions > 0
              ? `, with ${preview.summary.pastSessions} past sessions`
              : ''}
            .
          </Text>
          {refused.length > 0 ? (
            <Alert color="red" variant="light" title={refusedTitle(refused.length)}>
              <Text size="sm" mb="xs">
                Nothing is imported while any row is refused. Fix or remove these rows in your file,
                save it, and choose it again.
              </Text>
              <List size="sm" aria-label="Rows that cannot be imported">
                {refused.map((row) => (
                  <List.Item key={row.row}>
                    Row {row.row}
                    {row.name ? ` (${row.name})` : ''}: {refusalText(row)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Group>
              <Button
                loading={commit.isPending}
                onClick={() =>
                  file && commit.mutate({ file, dateOrder, confirm: preview.fileHash })
                }
              >
                Import {preview.summary.clients} clients
              </Button>
            </Group>
          )}
          <ErrorAlert error={commit.error} title="Nothing was imported" />
          <PreviewTable preview={preview} />
        </Stack>
      )}

      {done && (
        <>
          <Alert variant="light" title={`${done.clients} clients moved in`}>
            <Text size="sm">
              {done.pastSessions > 0
                ? `${done.pastSessions} past sessions were recorded in ${done.episodes} episodes. `
                : ''}
              No one was invited: invite each client from their page when you are ready.
            </Text>
          </Alert>
          <Group>
            <Button component={Link} to="/">
              Go to your caseload
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function refusedTitle(count: number): string {
  return count === 1 ? '1 row cannot be imported' : `${count} rows cannot be imported`;
}
