import { randomUUID } from 'node:crypto';
import type { AccessContext, SignedIn } from '../access';
import { recordAudit } from '../audit';
import { insertUser } from '../identity';
import type { Executor } from '../shared/transaction';
import {
  type ClientDetails,
  DEFAULT_SAFE_CONTACT,
  detailColumns,
  openClientFields,
  sealClientColumns,
} from './details';
import { visibleTo } from './repository';
import { clients } from './tables';

/** How a client already in the caseload is recognised on import: e-mail, or name and birth date. */
export type CaseloadIdentity = {
  id: string;
  displayName: string;
  email: string | null;
  dateOfBirth: string | null;
};

/**
 * Every client the actor may see, with what identifies them (the date of birth opened): for the
 * import preview to name a client who is already there (issue 12).
 */
export async function listCaseloadIdentities(
  db: Executor,
  ctx: AccessContext,
  actor: SignedIn,
): Promise<CaseloadIdentity[]> {
  const rows = await db
    .select({
      id: clients.id,
      practiceId: clients.practiceId,
      displayName: clients.displayName,
      email: clients.email,
      dateOfBirth: clients.dateOfBirth,
      pronouns: clients.pronouns,
      phone: clients.phone,
      emergencyContactName: clients.emergencyContactName,
      emergencyContactPhone: clients.emergencyContactPhone,
      emergencyContactRelationship: clients.emergencyContactRelationship,
    })
    .from(clients)
    .where(visibleTo(actor));
  const out: CaseloadIdentity[] = [];
  for (const row of rows) {
    // Only the birth date is needed; opening the row opens its sealed fields together.
    const opened = await openClientFields(db, ctx.services.keyring, row);
    out.push({
      id: row.id,
      displayName: row.displayName,
      email: row.email,
      dateOfBirth: opened.dateOfBirth,
    });
  }
  return out;
}

export type ImportedClient = ClientDetails & {
  displayName: string;
  email: string | null;
  timeZone: string;
};

/**
 * Adds one client moved in from another system to the actor's caseload, inside the import's
 * transaction: the record and a portal account that is not invited (no e-mail, no sign-up code;
 * the therapist invites each client when ready). Audited as `client.create` naming the client,
 * so it appears in their access report.
 */
export async function insertImportedClient(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  input: ImportedClient,
): Promise<string> {
  const user = await insertUser(tx, ctx, {
    practiceId: actor.practiceId,
    email: input.email,
    displayName: input.displayName,
    role: 'client',
  });
  const id = randomUUID();
  const details = detailColumns({ ...input, safeContact: DEFAULT_SAFE_CONTACT });
  await tx.insert(clients).values({
    ...(await sealClientColumns(tx, ctx.services.keyring, actor.practiceId, id, details)),
    id,
    practiceId: actor.practiceId,
    userId: user.id,
    displayName: input.displayName,
    email: user.email,
    therapistId: actor.userId,
    timeZone: input.timeZone,
  });
  await recordAudit(tx, ctx, {
    action: 'client.create',
    resourceType: 'client',
    resourceId: id,
    outcome: 'success',
    subjectClientId: id,
    detail: { imported: true, invitationSent: false, signUpCodeIssued: false },
  });
  return id;
}
