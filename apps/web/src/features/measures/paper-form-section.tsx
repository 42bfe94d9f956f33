import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { INSTRUMENTS } from '@throughline/clinical';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { ItemFieldset } from './item-fieldset';
import { bandText, useCreateResponse } from './measures-api';

// The definitions are the same versioned data the server scores with (packages/clinical);
// the server validates the answers again and records the version.
const choices = INSTRUMENTS.map((d) => ({ value: d.key, label: d.title }));

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Enter a questionnaire on the client's behalf": a paper form typed in by the therapist. */
export function PaperFormSection({ episodeId }: { episodeId: string }): ReactElement {
  const [open, setOpen] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const form = useForm<{ instrument: string | null; date: string; answers: (number | null)[] }>({
    initialValues: { instrument: null, date: today(), answers: [] },
  });
  const { instrument: key, answers } = form.values;
  const definition = INSTRUMENTS.find((d) => d.key === key);
  const save = useCreateResponse(episodeId);

  function choose(value: string | null): void {
    const def = INSTRUMENTS.find((d) => d.key === value);
    form.setValues({ instrument: value, answers: def ? def.items.map(() => null) : [] });
    setShowMissing(false);
    save.reset();
  }

  const onSubmit = form.onSubmit((values) => {
    if (!definition) return;
    const complete = values.answers.filter((a): a is number => a !== null);
    if (complete.length !== values.answers.length) {
      setShowMissing(true);
      return;
    }
    save.mutate(
      {
        instrument: definition.key,
        answers: complete,
        completedAt: new Date(`${values.date}T12:00:00`).toISOString(),
      },
      {
        onSuccess: () => {
          form.setFieldValue(
            'answers',
            definition.items.map(() => null),
          );
          setShowMissing(false);
        },
      },
    );
  });

  const result = save.data;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="paper-form">
      <Stack gap="sm">
        <Title order={2} size="h3" id="paper-form">
          Enter a questionnaire on the client's behalf
        </Title>
        {!open ? (
          <Button variant="default" style={{ alignSelf: 'start' }} onClick={() => setOpen(true)}>
            Enter a paper form
          </Button>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Text size="sm">
                The response is recorded as entered by you on the client's behalf.
              </Text>
              <Select label="Questionnaire" data={choices} value={key} onChange={choose} required />
              <TextInput
                type="date"
                label="Date completed"
                max={today()}
                {...form.getInputProps('date')}
                required
              />
              {definition?.items.map((item, i) => (
                <ItemFieldset
                  key={item.number}
                  item={item}
                  options={[...definition.options]}
                  number={item.number}
                  value={answers[i] ?? null}
                  onChange={(v) => form.setFieldValue(`answers.${i}`, v)}
                  error={showMissing && answers[i] === null}
                />
              ))}
              {showMissing && (
                <Text c="red.8" role="alert">
                  Answer every item: a missing answer is never filled in or prorated.
                </Text>
              )}
              <ErrorAlert error={save.error} title="Could not store the response" />
              {result && (
                <Alert color="teal" title="Response stored" role="status">
                  {result.response.instrument.toUpperCase()}: {result.response.total}
                  {result.response.percentage !== undefined
                    ? ` (${result.response.percentage}%)`
                    : ''}
                  , {bandText(result.response.band)}
                  {result.response.flags.length > 0 &&
                    ` · flags: ${result.response.flags.map(bandText).join(', ')}`}
                  {result.alerts.length > 0 &&
                    ` · ${result.alerts.length} alert${result.alerts.length === 1 ? '' : 's'} raised (see Alerts)`}
                </Alert>
              )}
              {definition && <Text size="xs">{definition.attribution}</Text>}
              <Stack gap="xs" style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
                <Button type="submit" disabled={!definition} loading={save.isPending}>
                  Store the response
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  Close
                </Button>
              </Stack>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
