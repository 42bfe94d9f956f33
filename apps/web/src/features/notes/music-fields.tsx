import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { MUSIC_THERAPY_METHODS, type MusicMethod, type MusicUsed } from '@throughline/contracts';
import type { ReactElement } from 'react';
import type { DraftBody as NoteBody } from './note-draft';
import { musicMethods } from './templates';

const isMethod = (value: string): value is MusicMethod =>
  (MUSIC_THERAPY_METHODS as readonly string[]).includes(value);

type Props = { body: NoteBody; onChange: (patch: NoteBody) => void; readOnly?: boolean };

export function MusicTherapyFields({ body, onChange, readOnly }: Props): ReactElement {
  const music = body.music ?? [];
  const setMusic = (next: MusicUsed[]): void => onChange({ music: next });
  const setRow = (index: number, patch: Partial<MusicUsed>): void =>
    setMusic(music.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Stack>
      <Checkbox.Group
        label="Methods"
        value={body.methods ?? []}
        onChange={(value) => onChange({ methods: value.filter(isMethod) })}
        readOnly={readOnly}
      >
        <Stack gap="xs" mt="xs">
          {musicMethods.map((m) => (
            <Checkbox key={m.value} value={m.value} label={m.label} disabled={readOnly} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TagsInput
        label="Instruments"
        description={readOnly ? undefined : 'Press Enter after each instrument'}
        value={body.instruments ?? []}
        onChange={(value) => onChange({ instruments: value })}
        readOnly={readOnly}
        clearButtonProps={{ 'aria-label': 'Remove all instruments' }}
      />
      <Fieldset legend="Music used">
        <Stack>
          {music.map((row, index) => (
            <Group key={index} align="end" gap="sm" wrap="wrap">
              <TextInput
                label={`Song title ${index + 1}`}
                value={row.title}
                onChange={(e) => setRow(index, { title: e.currentTarget.value })}
                readOnly={readOnly}
                style={{ flex: '1 1 160px' }}
              />
              <TextInput
                label={`Artist ${index + 1}`}
                value={row.artist ?? ''}
                onChange={(e) => setRow(index, { artist: e.currentTarget.value })}
                readOnly={readOnly || row.clientCreated}
                style={{ flex: '1 1 140px' }}
              />
              <Checkbox
                label="Client-created"
                checked={row.clientCreated}
                onChange={(e) => setRow(index, { clientCreated: e.currentTarget.checked })}
                disabled={readOnly}
                mb={8}
              />
              {!readOnly && (
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`Remove song ${index + 1}`}
                  onClick={() => setMusic(music.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button
              variant="default"
              style={{ alignSelf: 'start' }}
              onClick={() => setMusic([...music, { title: '', artist: '', clientCreated: false }])}
            >
              Add music
            </Button>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
