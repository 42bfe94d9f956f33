import { type ComboboxItem, type OptionsFilter, Select, type SelectProps } from '@mantine/core';
import { type ReactElement, useMemo } from 'react';
import { zoneOptions } from './time-zones';

// A search finds a zone by its place, its region or its id: "new york", "argentina", "Asia/Tok".
const byPlaceOrId: OptionsFilter = ({ options, search }) => {
  const words = search.toLowerCase().replaceAll('_', ' ').trim();
  if (!words) return options;
  return options.filter((option) => {
    const item = option as ComboboxItem;
    return `${item.label} ${item.value.replaceAll('_', ' ')}`.toLowerCase().includes(words);
  });
};

/**
 * The one time-zone picker (client details, practice settings, the portal's preferences): places
 * in words with their region ("New York (America)"), searchable; the value stays the IANA id.
 */
export function TimeZoneSelect(props: Omit<SelectProps, 'data' | 'searchable'>): ReactElement {
  const value = typeof props.value === 'string' ? props.value : null;
  const data = useMemo(() => zoneOptions(value), [value]);
  return (
    <Select
      allowDeselect={false}
      nothingFoundMessage="No time zone by that name"
      {...props}
      data={data}
      searchable
      filter={byPlaceOrId}
    />
  );
}
