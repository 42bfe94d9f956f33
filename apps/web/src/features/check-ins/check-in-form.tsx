import { Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CheckInDraft, PortalCheckIn, SavedCheckInDraft, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { LeaveWarning } from '../../app/leave-warning';
import { type SaveStatus, useAutosave } from '../../app/use-autosave';
import { ItemFieldset } from '../measures/item-fieldset';
import { type AnsweredCheckIn, saveCheckInDraft, useAnswerCheckIn } from './check-ins-api';

type Values = { answers: (number | null)[][]; howAreThings: string; wantsToTalk: string };

const saveText: Record<SaveStatus, string> = {
  idle: '',
  unsaved: '',
  saving: 'Saving your answers…',
  saved: 'Your answers are saved. You can come back and finish later.',
  error: 'Could not save your answers just now. They are kept on this page.',
  conflict: 'This check-in is no longer open; your answers here were not saved.',
};

/** The form as it was left: the saved draft's answers, words and choice, else empty. */
function startFrom(checkIn: Wire<PortalCheckIn>): Values {
  const draft = checkIn.draft;
  return {
    answers: checkIn.forms.map((f) => {
      const saved = draft?.forms.find((d) => d.instrument === f.instrument)?.answers;
      return f.items.map((_, i) => saved?.[i] ?? null);
    }),
    howAreThings: draft?.howAreThings ?? '',
    wantsToTalk: draft?.wantsToTalk === true ? 'yes' : draft?.wantsToTalk === false ? 'no' : '',
  };
}

const toDraft = (checkIn: Wire<PortalCheckIn>, v: Values): CheckInDraft => ({
  forms: checkIn.forms.map((f, i) => ({ instrument: f.instrument, answers: v.answers[i] ?? [] })),
  howAreThings: v.howAreThings,
  wantsToTalk: v.wantsToTalk === '' ? null : v.wantsToTalk === 'yes',
});

/** The check-in's questionnaires, "How are things?" and "Would you like to talk again?". */
export function CheckInForm({
  checkIn,
  onAnswered,
}: {
  checkIn: Wire<PortalCheckIn>;
  onAnswered: (answer: Wire<AnsweredCheckIn>) => void;
}): ReactElement {
  const answer = useAnswerCheckIn(checkIn.id);
  const [showMissing, setShowMissing] = useState(false);
  // Saved as the client goes, like a questionnaire, so closing the page loses nothing.
  const saver = useAutosave<Values, Wire<SavedCheckInDraft>>({
    initial: startFrom(checkIn),
    save: (value, options) => saveCheckInDraft(checkIn.id, toDraft(checkIn, value), options),
    delayMs: 800,
  });
  const form = useForm<Values>({
    initialValues: saver.value,
    onValuesChange: (values) => saver.update(values),
  });
  const { values } = form;
  const complete =
    values.answers.every((a) => a.every((v) => v !== null)) && values.wantsToTalk !== '';
  const onSubmit = form.onSubmit((v) => {
    if (!complete) {
      setShowMissing(true);
      return;
    }
    saver.cancel();
    answer.mutate(
      {
        forms: checkIn.forms.map((f, i) => ({
          instrument: f.instrument,
          answers: (v.answers[i] ?? []).map((a) => a ?? 0),
        })),
        howAreThings: v.howAreThings,
        wantsToTalk: v.wantsToTalk === 'yes',
      },
      { onSuccess: onAnswered },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {checkIn.forms.map((f, fi) => (
          <Paper withBorder p="md" key={f.instrument} component="section">
            <Stack>
              <Title order={2} size="h4">
                {f.title}
              </Title>
              {f.instructions && <Text>{f.instructions}</Text>}
              {f.items.map((item, i) => (
                <ItemFieldset
                  key={item.number}
                  item={item}
                  options={f.options}
                  number={item.number}
                  value={values.answers[fi]?.[i] ?? null}
                  onChange={(value) => form.setFieldValue(`answers.${fi}.${i}`, value)}
                  error={showMissing && values.answers[fi]?.[i] === null}
                />
              ))}
              <Text size="xs">{f.attribution}</Text>
            </Stack>
          </Paper>
        ))}
        <Textarea
          label="How are things?"
          description="In your own words, as much or as little as you like."
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('howAreThings')}
        />
        <Radio.Group
          label="Would you like to talk with your therapist again?"
          error={showMissing && values.wantsToTalk === '' ? 'Choose yes or no.' : undefined}
          {...form.getInputProps('wantsToTalk')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="yes" label="Yes, I would like to talk" size="md" />
            <Radio value="no" label="No, not now" size="md" />
          </Stack>
        </Radio.Group>
        {showMissing && !complete && (
          <Text c="red.8" role="alert">
            Some questions are not answered yet; they are marked above.
          </Text>
        )}
        <Text size="sm" role="status">
          {saveText[saver.status]}
        </Text>
        <ErrorAlert error={answer.error} title="Could not send your check-in" />
        <Button type="submit" size="md" loading={answer.isPending} fullWidth>
          Send my check-in
        </Button>
      </Stack>
      <LeaveWarning guard={saver.leaving} />
    </form>
  );
}
