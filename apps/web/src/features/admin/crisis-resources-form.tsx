import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CrisisResources, CrisisResourcesInput, Wire } from '@throughline/contracts';
import type { ReactElement } from 'react';
import { ErrorAlert } from '../../app/error-alert';
import { useUpdateCrisisResources } from './admin-api';

/**
 * The crisis resources every client sees after a risk answer, a risk-language message or an
 * automatic reply (issue 10): one setting. The shipped defaults stay marked until an administrator
 * has checked the numbers for the practice's area and saved them.
 */
export function CrisisResourcesForm({ value }: { value: Wire<CrisisResources> }): ReactElement {
  const form = useForm<CrisisResourcesInput>({
    initialValues: {
      title: value.title,
      message: value.message,
      lines: value.lines.map((l) => ({ ...l })),
      practice: value.practice,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the panel a heading.'),
      message: (v) => (v.trim() ? null : 'Say what to do now.'),
      lines: {
        name: (v) => (v.trim() ? null : 'Name the service.'),
        contact: (v) => (v.trim() ? null : 'Give the number or address.'),
      },
    },
  });
  const update = useUpdateCrisisResources({});
  return (
    <form onSubmit={form.onSubmit((v) => update.mutate(v))}>
      <Stack gap="sm">
        {value.verified ? (
          <Text size="sm" role="status">
            Checked for your area by an administrator of the practice.
          </Text>
        ) : (
          <Alert color="orange" title="Verify for your locale">
            <Text size="sm" c="dark.7">
              These are the numbers Throughline ships with (UK, US, EU). Check them for the
              countries your clients live in, change what is needed and save: clients see exactly
              this.
            </Text>
          </Alert>
        )}
        <TextInput label="Heading" {...form.getInputProps('title')} />
        <Textarea label="What to do now" autosize minRows={2} {...form.getInputProps('message')} />
        {form.values.lines.map((_, i) => (
          <Card key={form.key(`lines.${i}`)} withBorder padding="sm">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput label="Country" w={90} {...form.getInputProps(`lines.${i}.country`)} />
              <TextInput label="Service" w={220} {...form.getInputProps(`lines.${i}.name`)} />
              <TextInput label="Number" w={130} {...form.getInputProps(`lines.${i}.contact`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove ${form.values.lines[i]?.name || 'this line'}`}
                onClick={() => form.removeListItem('lines', i)}
              >
                ×
              </ActionIcon>
            </Group>
            <TextInput label="Note" mt="xs" {...form.getInputProps(`lines.${i}.note`)} />
          </Card>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              form.insertListItem('lines', { country: '', name: '', contact: '', note: '' })
            }
          >
            Add a line
          </Button>
        </Group>
        <Textarea
          label="Contacting the practice"
          autosize
          minRows={2}
          {...form.getInputProps('practice')}
        />
        <ErrorAlert error={update.error} title="The crisis resources were not saved" />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save — I have checked these for our area
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
