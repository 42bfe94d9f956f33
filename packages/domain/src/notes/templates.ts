import { MUSIC_THERAPY_METHODS, NOTE_TEMPLATES, type NoteTemplate } from '@throughline/contracts';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../shared/errors';

/**
 * Session-note templates. A draft may be incomplete (every field optional, but each one present
 * must have the right shape); signing validates the template strictly. The stored JSON carries
 * `templateVersion` so later versions of a template can still read old notes (STYLE.md 6).
 * The music-therapy template follows the AMTA Standards of Clinical Practice — Documentation
 * (assessment, plan, implementation: methods, music used, client responses, goals addressed).
 */
export const TEMPLATE_VERSION = 1;
export { MUSIC_THERAPY_METHODS, NOTE_TEMPLATES, type NoteTemplate };

const LONG = 20_000;
const text = (max = LONG) => z.string().trim().max(max);
const required = (max = LONG) => text(max).min(1, 'Required.');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'Not a calendar date.',
  );

const httpsUrl = z.url({ protocol: /^https$/, message: 'Use an https:// link.' }).max(2000);

/** What a note carries into the next session; shared by every template. */
function carryForward(strict: boolean) {
  const homeworkItem = z.strictObject({
    title: strict ? required(200) : text(200).optional(),
    instructions: strict ? required(4000) : text(4000).optional(),
    link: httpsUrl.optional(),
    attachmentId: z.uuid().optional(),
    dueOn: isoDate.optional(),
  });
  return {
    planForNext: strict ? required() : text().optional(),
    threadsToOpen: z.array(required(200)).max(20).optional(),
    threadsToClose: z.array(z.uuid()).max(50).optional(),
    homework: z.array(homeworkItem).max(20).optional(),
  };
}

function musicPiece(strict: boolean) {
  return z
    .strictObject({
      title: text(300).optional(),
      artist: text(300).optional(),
      clientCreated: strict ? z.boolean() : z.boolean().optional(),
    })
    .superRefine((piece, ctx) => {
      // A pre-composed piece is identified by its title; a client-created one may not have a
      // title yet (it can be named later), so only a published piece requires one.
      if (strict && piece.clientCreated === false && !piece.title) {
        ctx.addIssue({
          code: 'custom',
          path: ['title'],
          message: 'Required unless client-created.',
        });
      }
    });
}

function fields(template: NoteTemplate, strict: boolean) {
  const f = (max = LONG) => (strict ? required(max) : text(max).optional());
  switch (template) {
    case 'soap':
      return { subjective: f(), objective: f(), assessment: f(), plan: f() };
    case 'dap':
      return { data: f(), assessment: f(), plan: f() };
    case 'birp':
      return { behavior: f(), intervention: f(), response: f(), plan: f() };
    case 'music-therapy':
      return {
        methods: strict
          ? z.array(z.enum(MUSIC_THERAPY_METHODS)).min(1, 'Choose at least one method.')
          : z.array(z.enum(MUSIC_THERAPY_METHODS)).optional(),
        instruments: z.array(required(100)).max(50).optional(),
        music: z.array(musicPiece(strict)).max(50).optional(),
        clientResponses: f(),
        goalsAddressed: f(),
        interventions: text().optional(),
      };
  }
}

function schemaFor(template: NoteTemplate, strict: boolean) {
  const shape = { ...fields(template, strict), ...carryForward(strict) };
  return z.strictObject(shape);
}

const drafts = Object.fromEntries(NOTE_TEMPLATES.map((t) => [t, schemaFor(t, false)]));
const signed = Object.fromEntries(NOTE_TEMPLATES.map((t) => [t, schemaFor(t, true)]));

export type HomeworkItem = {
  title: string;
  instructions: string;
  link?: string | undefined;
  attachmentId?: string | undefined;
  dueOn?: string | undefined;
};

/** The fields of a note, as the client of the API sends them (without `templateVersion`). */
export type NoteBody = Record<string, unknown> & {
  planForNext?: string;
  threadsToOpen?: string[];
  threadsToClose?: string[];
  homework?: Partial<HomeworkItem>[];
};

export type SignedNoteBody = NoteBody & {
  planForNext: string;
  homework?: HomeworkItem[];
};

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message:
      issue.code === 'invalid_type' && issue.input === undefined ? 'Required.' : issue.message,
  }));
}

function parse(schema: z.ZodType, body: unknown, what: string): NoteBody {
  const result = schema.safeParse(body);
  if (result.success) return result.data as NoteBody;
  const issues = issuesOf(result.error);
  throw new AppError(
    'VALIDATION_FAILED',
    `${what}: ${issues.map((i) => i.path).join(', ')}.`,
    issues,
  );
}

/** A draft: any subset of the template's fields, each of the right shape. */
export function parseDraft(template: NoteTemplate, body: unknown): NoteBody {
  return parse(drafts[template] as z.ZodType, body, 'Some fields of the note are not valid');
}

/** Signing: every required field of the template present and valid. */
export function parseForSigning(template: NoteTemplate, body: unknown): SignedNoteBody {
  return parse(
    signed[template] as z.ZodType,
    body,
    'Complete these fields before signing',
  ) as SignedNoteBody;
}

/** The stored (encrypted) JSON: the fields plus the template version they follow. */
export function serialiseBody(body: NoteBody): string {
  return JSON.stringify({ templateVersion: TEMPLATE_VERSION, ...body });
}

export function deserialiseBody(json: string): NoteBody {
  const { templateVersion: _version, ...fields } = JSON.parse(json) as Record<string, unknown>;
  return fields as NoteBody;
}
