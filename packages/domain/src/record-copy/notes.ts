import type { NoteBody, NoteTemplate } from '../notes';

export const NOTE_KIND: Record<NoteTemplate, string> = {
  soap: 'Session note (SOAP)',
  dap: 'Session note (DAP)',
  birp: 'Session note (BIRP)',
  'music-therapy': 'Music therapy session note',
};

/** The headings a client reads for each template's fields, in the template's order. */
const LABELS: Record<NoteTemplate, readonly (readonly [field: string, label: string])[]> = {
  soap: [
    ['subjective', 'What you described'],
    ['objective', 'What your therapist observed'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan'],
  ],
  dap: [
    ['data', 'What happened'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan'],
  ],
  birp: [
    ['behavior', 'Behaviour'],
    ['intervention', 'What we did'],
    ['response', 'How you responded'],
    ['plan', 'Plan'],
  ],
  'music-therapy': [
    ['methods', 'Methods'],
    ['instruments', 'Instruments'],
    ['music', 'Music'],
    ['clientResponses', 'How you responded'],
    ['goalsAddressed', 'Goals addressed'],
    ['interventions', 'What we did'],
  ],
};

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v !== null
          ? [
              (v as { title?: string }).title,
              (v as { artist?: string }).artist,
              (v as { clientCreated?: boolean }).clientCreated ? '(your own music)' : undefined,
            ]
              .filter(Boolean)
              .join(' — ')
          : String(v).replaceAll('-', ' '),
      )
      .filter((s) => s !== '')
      .join(', ');
  return '';
}

/** A signed note's fields as headed paragraphs, the carry-forward parts last. */
export function noteSections(
  template: NoteTemplate,
  body: NoteBody,
): { label: string; text: string }[] {
  const sections = LABELS[template].map(([field, label]) => ({
    label,
    text: asText(body[field]),
  }));
  sections.push({ label: 'For next time', text: asText(body.planForNext) });
  const homework = (body.homework ?? [])
    .map((h) => [h.title, h.instructions].filter(Boolean).join(': '))
    .filter((s) => s !== '');
  if (homework.length > 0) sections.push({ label: 'Homework', text: homework.join('\n') });
  return sections.filter((s) => s.text.trim() !== '');
}
