import { Radio, Stack, Text } from '@mantine/core';
import type { AnswerOption, MeasureItem } from '@throughline/contracts';
import { type ReactElement, useId } from 'react';

type Props = {
  item: MeasureItem;
  options: AnswerOption[];
  number: number;
  value: number | null;
  onChange: (value: number) => void;
  error?: boolean;
};

/** One questionnaire item: a fieldset whose legend is the item text, one labelled radio per answer. */
export function ItemFieldset({
  item,
  options,
  number,
  value,
  onChange,
  error,
}: Props): ReactElement {
  const name = useId();
  return (
    <fieldset
      className="measure-item"
      aria-invalid={error || undefined}
      style={{
        border: `1px solid var(--mantine-color-${error ? 'red-7' : 'gray-4'})`,
        borderRadius: 'var(--mantine-radius-md)',
        padding: 'var(--mantine-spacing-md)',
        margin: 0,
        minWidth: 0,
      }}
    >
      <legend style={{ padding: '0 4px', fontWeight: 500, maxWidth: '100%' }}>
        <Text span fw={500}>
          {number}. {item.text}
        </Text>
      </legend>
      <Stack gap="sm" mt="xs">
        {options.map((option) => (
          <Radio
            key={option.value}
            name={name}
            value={String(option.value)}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            size="md"
          />
        ))}
      </Stack>
      {error && (
        <Text c="red.8" size="sm" mt="xs">
          Please choose an answer.
        </Text>
      )}
    </fieldset>
  );
}
