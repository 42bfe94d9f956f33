import {
  type AccessReport,
  type AccessReportItem,
  ROLES,
  type Role,
  UNKNOWN_ACTOR_NAME,
} from '@throughline/contracts';
import { type AccessContext, administersPractice, HIDDEN, perform } from '../access';
import { listSubjectEvents, type SubjectEventRow } from '../audit';
import { findClientById, findClientInPractice, findClientOfUser } from '../clients';
import { findDisplayNames } from '../identity';
import type { Executor } from '../shared/transaction';
import { decodePosition, encodePosition } from './cursor';
import { accessOf, kindOf, READ_ACTIONS_PATTERN } from './kinds';

export type AccessReportQuery = { limit: number; cursor?: string | undefined };

/**
 * Who accessed the caller's own record and when (HIPAA 45 CFR 164.528, accounting of
 * disclosures; 164.524, right of access): the client's portal. Viewing it is itself audited.
 */
export async function readOwnAccessReport(
  ctx: AccessContext,
  query: AccessReportQuery,
): Promise<AccessReport> {
  const before = decodePosition(query.cursor);
  const target = { resourceType: 'access-report', what: 'client record' };
  return perform(ctx, 'access-report.read', target, async (tx, step) => {
    const own = await findClientOfUser(tx, step.actor);
    if (!own) return HIDDEN;
    step.about({ clientId: own.id });
    step.audit({ resourceType: 'access-report', resourceId: own.id });
    return report(tx, step.actor.practiceId, { ...own, viewedByClient: true }, query, before);
  });
}

/**
 * The same report for the practice: the client's therapist (404 for a client they may not see)
 * and the practice administrator, who sees who accessed a record but never the record itself.
 */
export async function readClientAccessReport(
  ctx: AccessContext,
  clientId: string,
  query: AccessReportQuery,
): Promise<AccessReport> {
  const before = decodePosition(query.cursor);
  const target = { resourceType: 'access-report', resourceId: clientId, what: 'client' };
  return perform(ctx, 'client.access-report.read', target, async (tx, step) => {
    const { actor } = step;
    const client = administersPractice(actor)
      ? await findClientInPractice(tx, actor.practiceId, clientId)
      : await findClientById(tx, actor, clientId);
    if (!client) return HIDDEN;
    step.about({ clientId: client.id });
    return report(tx, actor.practiceId, { ...client, viewedByClient: false }, query, before);
  });
}

type Subject = { id: string; userId: string; viewedByClient: boolean };

/**
 * One page of the report. What counts (docs/security.md, "The client's access report"): every
 * successful action on the client's record, an episode or a record of one, by anyone; the
 * client's own changes ("You"), not their own reading; never refusals.
 */
async function report(
  tx: Executor,
  practiceId: string,
  subject: Subject,
  query: AccessReportQuery,
  before: { at: Date; id: string } | undefined,
): Promise<AccessReport> {
  const rows = await listSubjectEvents(tx, {
    practiceId,
    clientId: subject.id,
    withoutReadsBy: subject.userId,
    readActions: READ_ACTIONS_PATTERN,
    before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const ids = [...new Set(page.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const names = await findDisplayNames(tx, practiceId, ids);
  const items = page.map((row) => toItem(row, subject, names));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodePosition({ at: last.occurredAt, id: last.id })
        : null,
  };
}

function toItem(
  row: SubjectEventRow,
  subject: Subject,
  names: Map<string, string>,
): AccessReportItem {
  const byClient = row.actorUserId === subject.userId;
  const name = row.actorUserId ? names.get(row.actorUserId) : undefined;
  return {
    at: row.occurredAt,
    actorName: byClient && subject.viewedByClient ? 'You' : (name ?? UNKNOWN_ACTOR_NAME),
    actorRole: isRole(row.actorRole) ? row.actorRole : null,
    byClient,
    action: accessOf(row.action),
    resourceType: kindOf(row.action, row.agreementKind),
  };
}

function isRole(value: string | null): value is Role {
  return (ROLES as readonly (string | null)[]).includes(value);
}
