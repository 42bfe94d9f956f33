import type { Attachment, DocumentReference } from '@medplum/fhirtypes';
import { toBase64 as base64 } from './base64';
import { concept, DOCUMENT_CODES, identifierSystem, instant, SYSTEMS } from './codes';
import type { EndingSummaryFacts, SignedNoteFacts } from './types';

const jsonAttachment = (title: string, value: unknown): Attachment => ({
  contentType: 'application/json',
  data: base64(JSON.stringify(value)),
  title,
});

/** A field's value as a line of text: strings as written, anything else (lists, methods) as JSON. */
const fieldText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** The note as a person reads it: each field under its name, then the addenda in order. */
export function noteText(note: SignedNoteFacts): string {
  const fields = Object.entries(note.body)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${k}:\n${fieldText(v)}`);
  const addenda = note.addenda.map((a) => `Addendum (${instant(a.createdAt)}):\n${a.body}`);
  return [...fields, ...addenda].join('\n\n');
}

/**
 * A signed session note (drafts are not the record yet; psychotherapy notes are never exported —
 * this function has no input for them, HIPAA 45 CFR 164.501). Two renditions of the same content:
 * readable text, and the template's fields as JSON so another Throughline imports it whole.
 */
export function toNoteDocument(
  note: SignedNoteFacts,
  refs: { patient: string; episode: string },
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: note.id,
    identifier: [{ system: identifierSystem('note'), value: note.id }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [DOCUMENT_CODES.progressNote], text: 'Session note' },
    category: [concept(SYSTEMS.noteTemplate, note.template)],
    subject: { reference: refs.patient },
    date: instant(note.signedAt),
    author: [{ reference: `Practitioner/${note.authorId}` }],
    authenticator: { reference: `Practitioner/${note.authorId}` },
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: base64(noteText(note)),
          title: 'Session note',
          creation: instant(note.createdAt),
        },
      },
      {
        attachment: jsonAttachment('Session note (structured)', {
          v: 1,
          template: note.template,
          body: note.body,
          addenda: note.addenda.map((a) => ({
            authorId: a.authorId,
            body: a.body,
            createdAt: instant(a.createdAt),
          })),
        }),
      },
    ],
    context: {
      encounter: [
        ...(note.appointmentId ? [{ reference: `Encounter/${note.appointmentId}` }] : []),
        { reference: refs.episode },
      ],
    },
  };
}

/**
 * The ending summary (a discharge summary, LOINC 18842-5): the PDF the client reads, and its
 * content as JSON. `current` once shared with the client; an unshared draft is `preliminary`.
 */
export function toEndingSummaryDocument(
  summary: EndingSummaryFacts,
  refs: { patient: string; episode: string },
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: summary.id,
    identifier: [{ system: identifierSystem('ending-summary'), value: summary.id }],
    status: 'current',
    docStatus: summary.sharedAt ? 'final' : 'preliminary',
    type: { coding: [DOCUMENT_CODES.dischargeSummary], text: 'Ending summary' },
    subject: { reference: refs.patient },
    date: instant(summary.sharedAt ?? summary.savedAt),
    author: [{ reference: `Practitioner/${summary.savedBy}` }],
    description: `Ending summary, version ${summary.version}`,
    content: [
      ...(summary.pdf
        ? [
            {
              attachment: {
                contentType: 'application/pdf',
                data: base64(summary.pdf),
                title: 'Ending summary',
              },
            },
          ]
        : []),
      { attachment: jsonAttachment('Ending summary (structured)', summary.content) },
    ],
    context: { encounter: [{ reference: refs.episode }] },
  };
}
