import { findInstrument, instrumentShortName } from '@throughline/clinical';

/** The name a person knows a questionnaire by ("PHQ-9", "Session feedback"), never its key. */
export function instrumentName(key: string): string {
  const definition = findInstrument(key);
  return definition ? instrumentShortName(definition) : 'A questionnaire no longer offered';
}

/** "PHQ-9", "PHQ-9 and GAD-7", "PHQ-9, GAD-7 and PCL-5". */
export function namesList(keys: readonly string[]): string {
  const names = keys.map(instrumentName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
