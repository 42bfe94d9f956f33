import type { NoteTemplate } from '@throughline/contracts';
import type { DraftBody as NoteBody } from './note-draft';

export type TextField = { key: string; label: string; required: boolean };

export const templateLabels: Record<NoteTemplate, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  birp: 'BIRP',
  'music-therapy': 'Music therapy',
};

/** The free-text fields of each template, in the order clinicians write them. */
export const templateFields: Record<NoteTemplate, TextField[]> = {
  soap: [
    { key: 'subjective', label: 'Subjective', required: true },
    { key: 'objective', label: 'Objective', required: true },
    { key: 'assessment', label: 'Assessment', required: true },
    { key: 'plan', label: 'Plan', required: true },
  ],
  dap: [
    { key: 'data', label: 'Data', required: true },
    { key: 'assessment', label: 'Assessment', required: true },
    { key: 'plan', label: 'Plan', required: true },
  ],
  birp: [
    { key: 'behavior', label: 'Behaviour', required: true },
    { key: 'intervention', label: 'Intervention', required: true },
    { key: 'response', label: 'Response', required: true },
    { key: 'plan', label: 'Plan', required: true },
  ],
  'music-therapy': [
    { key: 'clientResponses', label: 'Client responses', required: true },
    { key: 'goalsAddressed', label: 'Goals addressed', required: true },
    { key: 'interventions', label: 'Interventions', required: false },
  ],
};

export const musicMethods = [
  { value: 'receptive', label: 'Receptive (listening)' },
  { value: 'improvisational', label: 'Improvisational' },
  { value: 're-creative', label: 'Re-creative (performing existing music)' },
  { value: 'compositional', label: 'Compositional (songwriting)' },
];

export function emptyBody(template: NoteTemplate): NoteBody {
  const body: NoteBody = { planForNext: '', threadsToOpen: [], threadsToClose: [], homework: [] };
  for (const field of templateFields[template]) body[field.key] = '';
  if (template === 'music-therapy') {
    body.methods = [];
    body.instruments = [];
    body.music = [];
  }
  return body;
}

export function textOf(body: NoteBody, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}
