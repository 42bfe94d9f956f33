import { z } from 'zod';

// Moving in from another system (issue 12): a therapist imports their clients, and optionally
// their past sessions, from the CSV file another practice system exported.

/** What a recognised column of the file fills in. */
export const IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'middleName',
  'lastName',
  'preferredName',
  'pronouns',
  'email',
  'dateOfBirth',
  'phone',
  'timeZone',
  'emergencyContactName',
  'emergencyContactPhone',
  'emergencyContactRelationship',
  'pastSessions',
  'address',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** How slashed dates such as 03/04/1990 are read: 3 April (day first) or 4 March (month first). */
export const DATE_ORDERS = ['day-first', 'month-first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The largest file accepted, and the most rows in it. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

export const importQuery = z.strictObject({
  dateOrder: z
    .enum(DATE_ORDERS)
    .optional()
    .describe(
      'How to read dates like 03/04/1990. Left out: worked out from the file (a day above 12 settles it); rows whose dates stay ambiguous are refused until it is given.',
    ),
  confirm: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe('Commit only: the `fileHash` of the preview being confirmed'),
});
export type ImportQuery = z.input<typeof importQuery>;

export const importProblemSchema = z.object({
  column: z.string().nullable().describe('The column of the file, as its header names it'),
  message: z.string(),
});

export const importRowSchema = z.object({
  row: z.number().int().describe('The row of the file as a spreadsheet numbers it (header = 1)'),
  name: z.string().nullable().describe('The client who would be created'),
  outcome: z.enum(['create', 'refused']),
  pastSessions: z.number().int().describe('Past sessions created with the client'),
  episode: z.boolean().describe('An episode is opened to hold the past sessions'),
  problems: z.array(importProblemSchema),
});
export type ImportRow = z.output<typeof importRowSchema>;

export const importColumnSchema = z.object({
  header: z.string(),
  field: z.enum(IMPORT_FIELDS).nullable().describe('Null: the column is not imported'),
});
export type ImportColumn = z.output<typeof importColumnSchema>;

export const importPreviewSchema = z.object({
  fileHash: z.string().describe('Send back as `confirm` to import exactly this preview'),
  dateOrder: z.enum(DATE_ORDERS).nullable().describe('How slashed dates were read, if any'),
  columns: z.array(importColumnSchema),
  rows: z.array(importRowSchema),
  summary: z.object({
    rows: z.number().int(),
    clients: z.number().int(),
    pastSessions: z.number().int(),
    refused: z.number().int(),
  }),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  clients: z.number().int(),
  episodes: z.number().int(),
  pastSessions: z.number().int(),
  invited: z
    .literal(0)
    .describe('Imported clients are never invited; invite each from their page when ready'),
});
export type ImportResult = z.output<typeof importResultSchema>;
