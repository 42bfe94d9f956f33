import { createHash } from 'node:crypto';
import type { DateOrder, ImportPreview, ImportRow } from '@throughline/contracts';
import type { AccessContext, SignedIn } from '../access';
import { practiceTimeZone } from '../appointments';
import { type CaseloadIdentity, listCaseloadIdentities } from '../clients';
import { EMAIL_UNAVAILABLE, findUserByEmail } from '../identity';
import type { Executor } from '../shared/transaction';
import { inferDateOrder } from './dates';
import { parseClientFile } from './parse-file';
import { type Candidate, type RowProblem, readRow } from './rows';

/** A checked file: the preview shown, and for the rows that pass, what to create. */
export type ImportPlan = {
  preview: ImportPreview;
  accepted: (Candidate & { details: NonNullable<Candidate['details']> })[];
  practiceZone: string;
};

/** Names the exact file and reading a preview showed; a commit must send it back unchanged. */
export function fileHash(bytes: Buffer, order: DateOrder | null): string {
  return createHash('sha256')
    .update(bytes)
    .update(`\u0000${order ?? ''}`)
    .digest('hex');
}

const nameKey = (name: string, dateOfBirth: string): string =>
  `${name.toLowerCase().replace(/\s+/g, ' ')}|${dateOfBirth}`;

/**
 * Reads the file and checks every row: its own values (rows.ts), duplicates within the file (the
 * same e-mail, or the same name and date of birth, as an earlier row), and clients already in the
 * caseload (named). An e-mail that belongs to someone the therapist may not see is refused
 * without saying whose it is.
 */
export async function planImport(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  bytes: Buffer,
  requested: DateOrder | undefined,
): Promise<ImportPlan> {
  const file = parseClientFile(bytes);
  const practiceZone = await practiceTimeZone(tx, actor.practiceId);
  const dateCells = file.records.flatMap((r) =>
    file.columns.flatMap((c, i) =>
      c.field === 'dateOfBirth' || c.field === 'pastSessions'
        ? (r.cells[i] ?? '').split(/[;|\n]/)
        : [],
    ),
  );
  const order = requested ?? inferDateOrder(dateCells);
  const now = ctx.services.now();
  const candidates = file.records.map((r) =>
    readRow(r, file.columns, { order, practiceZone, now }),
  );
  const caseload = await listCaseloadIdentities(tx, ctx, actor);
  await checkAgainstOthers(tx, candidates, caseload, file.columns);

  const rows: ImportRow[] = candidates.map((c) => {
    const refused = c.problems.length > 0;
    return {
      row: c.row,
      name: c.name,
      outcome: refused ? 'refused' : 'create',
      pastSessions: refused ? 0 : c.sessions.length,
      episode: !refused && c.sessions.length > 0,
      problems: c.problems,
    };
  });
  const accepted = candidates.filter(
    (c): c is ImportPlan['accepted'][number] => c.problems.length === 0 && c.details !== null,
  );
  const usesSlashes = dateCells.some((v) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(v));
  return {
    practiceZone,
    accepted,
    preview: {
      fileHash: fileHash(bytes, requested ?? null),
      dateOrder: usesSlashes ? order : null,
      columns: file.columns,
      rows,
      summary: {
        rows: rows.length,
        clients: accepted.length,
        pastSessions: accepted.reduce((n, c) => n + c.sessions.length, 0),
        refused: rows.length - accepted.length,
      },
    },
  };
}

async function checkAgainstOthers(
  tx: Executor,
  candidates: Candidate[],
  caseload: CaseloadIdentity[],
  columns: ImportPreview['columns'],
): Promise<void> {
  const emailColumn = columns.find((c) => c.field === 'email')?.header ?? null;
  const birthColumn = columns.find((c) => c.field === 'dateOfBirth')?.header ?? null;
  const byEmail = new Map(caseload.flatMap((c) => (c.email ? [[c.email, c] as const] : [])));
  const byName = new Map(
    caseload.flatMap((c) =>
      c.dateOfBirth ? [[nameKey(c.displayName, c.dateOfBirth), c] as const] : [],
    ),
  );
  const firstRowWithEmail = new Map<string, number>();
  const firstRowWithName = new Map<string, number>();
  for (const candidate of candidates) {
    const details = candidate.details;
    if (!details) continue;
    const problems: RowProblem[] = candidate.problems;
    const key = details.dateOfBirth ? nameKey(details.displayName, details.dateOfBirth) : null;
    if (details.email) {
      const earlier = firstRowWithEmail.get(details.email);
      const existing = byEmail.get(details.email);
      if (earlier !== undefined) {
        problems.push({
          column: emailColumn,
          message: `The same e-mail address as row ${earlier}: each client needs their own.`,
        });
      } else if (existing) {
        problems.push({
          column: emailColumn,
          message: `${existing.displayName} is already your client with this e-mail address.`,
        });
      } else if (await findUserByEmail(tx, details.email)) {
        problems.push({ column: emailColumn, message: EMAIL_UNAVAILABLE });
      }
      if (earlier === undefined) firstRowWithEmail.set(details.email, candidate.row);
    }
    if (key) {
      const earlier = firstRowWithName.get(key);
      const existing = byName.get(key);
      if (earlier !== undefined) {
        problems.push({
          column: birthColumn,
          message: `The same name and date of birth as row ${earlier}: is this client listed twice?`,
        });
      } else if (existing && existing.email !== details.email) {
        problems.push({
          column: birthColumn,
          message: `${existing.displayName}, with the same date of birth, is already your client.`,
        });
      }
      if (earlier === undefined) firstRowWithName.set(key, candidate.row);
    }
  }
}
