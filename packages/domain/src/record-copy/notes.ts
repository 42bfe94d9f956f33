import { and, asc, eq, inArray } from 'drizzle-orm';
import { appointments } from '../appointments/tables';
import { type NoteBody, type NoteTemplate, notePurpose } from '../notes';
import { noteAddenda, notes } from '../notes/tables';
import type { Executor } from '../shared/transaction';

export type NoteSections = {
  template: NoteTemplate;
  kind: string;
  signedAt: Date;
  sessionAt: Date | null;
  body: NoteBody;
  addenda: { at: Date; text: string }[];
};

const KIND: Record<NoteTemplate, string> = {
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

/**
 * The episode's signed session notes with their addenda, opened. Drafts are not part of the
 * record yet; psychotherapy notes live in another table that is never read here.
 */
export async function openNotes(
  tx: Executor,
  ep: { practiceId: string; id: string },
  open: (sealed: string, purpose: string) => Promise<string>,
): Promise<NoteSections[]> {
  const rows = await tx
    .select({
      id: notes.id,
      template: notes.template,
      body: notes.body,
      signedAt: notes.signedAt,
      sessionAt: appointments.startsAt,
    })
    .from(notes)
    .leftJoin(
      appointments,
      and(eq(appointments.practiceId, notes.practiceId), eq(appointments.id, notes.appointmentId)),
    )
    .where(
      and(
        eq(notes.practiceId, ep.practiceId),
        eq(notes.episodeId, ep.id),
        eq(notes.status, 'signed'),
      ),
    )
    .orderBy(asc(notes.signedAt));
  const ids = rows.map((r) => r.id);
  const addenda =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(noteAddenda)
          .where(and(eq(noteAddenda.practiceId, ep.practiceId), inArray(noteAddenda.noteId, ids)))
          .orderBy(asc(noteAddenda.createdAt));
  const out: NoteSections[] = [];
  for (const r of rows) {
    const json = await open(r.body, notePurpose.body(r.id));
    const { templateVersion: _v, ...body } = JSON.parse(json) as Record<string, unknown>;
    const mine = addenda.filter((a) => a.noteId === r.id);
    const opened: { at: Date; text: string }[] = [];
    for (const a of mine)
      opened.push({ at: a.createdAt, text: await open(a.body, notePurpose.addendum(a.id)) });
    out.push({
      template: r.template,
      kind: KIND[r.template],
      signedAt: r.signedAt ?? r.sessionAt ?? new Date(0),
      sessionAt: r.sessionAt,
      body: body as NoteBody,
      addenda: opened,
    });
  }
  return out;
}
