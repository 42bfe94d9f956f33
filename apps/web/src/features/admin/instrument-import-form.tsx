import {
  ActionIcon,
  Alert,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ImportInstrumentRequest, PracticeInstrument, Wire } from '@throughline/contracts';
import { type ReactElement, useState } from 'react';
import { isApiError } from '../../api/problem';
import { InstrumentPreview } from './instrument-preview';
import { useImportInstrument, usePreviewInstrument } from './practice-instruments-api';

type Band = { label: string; min: number | string; max: number | string };
type Values = {
  text: string;
  direction: 'lower-is-better' | 'higher-is-better';
  bands: Band[];
  clinicalCutoff: number | string;
  reliableChange: number | string;
  license: string;
};

const optionalNumber = (v: number | string): number | null =>
  v === '' || v === null ? null : Number(v);

/** What the server refused, one line per item or field it named. */
function Problems({ error }: { error: unknown }): ReactElement | null {
  if (!error) return null;
  const named = isApiError(error) ? (error.problem?.errors ?? []) : [];
  return (
    <Alert color="red" variant="light" title="This questionnaire cannot be imported" role="alert">
      {named.length > 0 ? (
        <List size="sm" spacing={4}>
          {named.map((p) => (
            <List.Item key={`${p.path}-${p.message}`}>{p.message}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{error instanceof Error ? error.message : 'Please try again.'}</Text>
      )}
    </Alert>
  );
}

/**
 * Upload or paste a FHIR Questionnaire, give its score bands (a Questionnaire carries none), check
 * the preview of questions and scoring, then import it as one of the practice's questionnaires.
 */
export function InstrumentImportForm(): ReactElement {
  const [parseError, setParseError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Wire<PracticeInstrument> | null>(null);
  // An uploaded file is read, not shown: the screen shows its preview, never the JSON.
  const [fileText, setFileText] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Values>({
    initialValues: {
      text: '',
      direction: 'lower-is-better',
      bands: [{ label: '', min: '', max: '' }],
      clinicalCutoff: '',
      reliableChange: '',
      license: '',
    },
  });
  const previewing = usePreviewInstrument({ onSuccess: (p) => setPreview(p) });
  const importing = useImportInstrument({
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: `${saved.title} can now be used in plans.` });
      setPreview(null);
      setFileText(null);
      setFile(null);
      form.reset();
    },
  });

  function request(values: Values): ImportInstrumentRequest | null {
    let questionnaire: unknown;
    try {
      questionnaire = JSON.parse(fileText ?? values.text);
    } catch {
      setParseError('The file or text is not a FHIR Questionnaire in JSON form.');
      return null;
    }
    setParseError(null);
    return {
      questionnaire: questionnaire as Record<string, unknown>,
      direction: values.direction,
      bands: values.bands
        .filter((b) => b.label.trim() !== '' || b.min !== '' || b.max !== '')
        .map((b) => ({ label: b.label, min: Number(b.min), max: Number(b.max) })),
      clinicalCutoff: optionalNumber(values.clinicalCutoff),
      reliableChange: optionalNumber(values.reliableChange),
      license: values.license.trim() || null,
    };
  }

  const changed = (): void => setPreview(null);
  const readFile = async (chosen: File | null): Promise<void> => {
    changed();
    setFile(chosen);
    setFileText(chosen ? await chosen.text() : null);
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const body = request(values);
        if (body) previewing.mutate(body);
      })}
      onChange={changed}
    >
      <Stack maw={640}>
        <Text size="sm">
          Import a questionnaire another system exported as a FHIR Questionnaire. Each answer needs
          its points (an ordinal value or item weight); give the score bands below.
        </Text>
        <FileInput
          label="Questionnaire file"
          description="A .json file"
          accept="application/json,application/fhir+json,.json"
          clearable
          value={file}
          onChange={(file) => void readFile(file)}
        />
        <Textarea
          label="Or paste it here"
          disabled={fileText !== null}
          autosize
          minRows={3}
          maxRows={8}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          {...form.getInputProps('text')}
        />
        <NativeSelect
          label="Which way is better"
          data={[
            { value: 'lower-is-better', label: 'A lower total is better' },
            { value: 'higher-is-better', label: 'A higher total is better' },
          ]}
          {...form.getInputProps('direction')}
        />
        <Text size="sm" fw={600}>
          Score bands, lowest first
        </Text>
        {form.values.bands.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <Group key={i} align="end" gap="xs" wrap="wrap">
            <TextInput
              label={`Band ${i + 1} name`}
              w={200}
              {...form.getInputProps(`bands.${i}.label`)}
            />
            <NumberInput label="From" w={80} min={0} {...form.getInputProps(`bands.${i}.min`)} />
            <NumberInput label="To" w={80} min={0} {...form.getInputProps(`bands.${i}.max`)} />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove band ${i + 1}`}
              onClick={() => form.removeListItem('bands', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('bands', { label: '', min: '', max: '' })}
          >
            Add a band
          </Button>
        </Group>
        <Group gap="xs" wrap="wrap" align="end">
          <NumberInput
            label="Clinical cut-off (optional)"
            description="Only if the form's authors publish one"
            w={220}
            {...form.getInputProps('clinicalCutoff')}
          />
          <NumberInput
            label="Reliable change (optional)"
            description="Points; needs a cut-off"
            w={220}
            {...form.getInputProps('reliableChange')}
          />
        </Group>
        <TextInput
          label="Licence (optional)"
          description="The terms your practice uses the questionnaire under"
          {...form.getInputProps('license')}
        />
        {parseError && (
          <Alert color="red" variant="light" role="alert">
            {parseError}
          </Alert>
        )}
        <Problems error={previewing.error ?? importing.error} />
        <Group>
          <Button type="submit" variant="light" loading={previewing.isPending}>
            Check and preview
          </Button>
          <Button
            disabled={!preview}
            loading={importing.isPending}
            onClick={() => {
              const body = request(form.values);
              if (body) importing.mutate(body);
            }}
          >
            Import questionnaire
          </Button>
        </Group>
        {preview && <InstrumentPreview instrument={preview} />}
      </Stack>
    </form>
  );
}
