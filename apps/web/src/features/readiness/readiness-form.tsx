import { Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { READINESS_SCALE, READINESS_WORDS_MAX } from '@throughline/contracts';
import { type FormEvent, type ReactElement, useState } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useGiveReadinessView } from './readiness-api';

/**
 * Give (or update) your view: a point on the 1–5 scale in your wording and your own words. A new
 * answer replaces the one shown; the earlier ones are kept.
 */
export function ReadinessForm({
  episodeId,
  viewer,
  otherName,
  hasView,
}: {
  episodeId: string;
  viewer: 'client' | 'therapist';
  otherName: string;
  hasView: boolean;
}): ReactElement {
  const [level, setLevel] = useState<string>('');
  const [words, setWords] = useState('');
  const give = useGiveReadinessView(episodeId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!level) return;
    give.mutate(
      { level: Number(level), words },
      {
        onSuccess: () => {
          setLevel('');
          setWords('');
        },
      },
    );
  };
  const client = viewer === 'client';
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Radio.Group
          label={
            client ? 'How ready do you feel to finish therapy?' : 'How ready is this client to end?'
          }
          value={level}
          onChange={setLevel}
        >
          <Stack gap={6} mt={6}>
            {READINESS_SCALE.map((s) => (
              <Radio
                key={s.level}
                value={String(s.level)}
                label={client ? s.client : s.therapist}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={client ? 'In your own words' : 'Your view in your words'}
          description={`${otherName} will read this. Up to ${READINESS_WORDS_MAX} characters; you can leave it empty.`}
          autosize
          minRows={3}
          maxLength={READINESS_WORDS_MAX}
          value={words}
          onChange={(e) => setWords(e.currentTarget.value)}
        />
        <ErrorAlert error={give.error} title="Could not save your view" />
        {give.isSuccess && <Text role="status">Saved. {otherName} can see it now.</Text>}
        <Button
          type="submit"
          disabled={!level}
          loading={give.isPending}
          style={{ alignSelf: 'start' }}
        >
          {hasView ? 'Update my view' : 'Save my view'}
        </Button>
      </Stack>
    </form>
  );
}
