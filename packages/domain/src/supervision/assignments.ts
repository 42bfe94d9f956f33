import type * as Contract from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, HIDDEN, perform, supervises, treatsClients } from '../access';
import { findUserById } from '../identity';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import {
  type AssignmentRow,
  endAssignment,
  findLiveAssignment,
  insertAssignment,
  listLiveAssignments,
} from './repository';

export type SupervisionAssignment = Contract.SupervisionAssignment;
export type AssignSupervisorInput = z.output<typeof Contract.assignSupervisorRequest>;

const view = (r: AssignmentRow): SupervisionAssignment => ({
  id: r.id,
  supervisorId: r.supervisorId,
  supervisorName: r.supervisorName,
  therapistId: r.therapistId,
  therapistName: r.therapistName,
  assignedAt: r.assignedAt,
});

const target = { resourceType: 'supervision-assignment', what: 'supervision assignment' };

/** The practice's live assignments (administrator). */
export async function listSupervisionAssignments(
  ctx: AccessContext,
): Promise<SupervisionAssignment[]> {
  return perform(ctx, 'supervision.assignment.list', target, async (tx, { actor }) =>
    (await listLiveAssignments(tx, actor.practiceId)).map(view),
  );
}

async function staffIssue(
  tx: Executor,
  practiceId: string,
  input: AssignSupervisorInput,
): Promise<AppError | undefined> {
  const supervisor = await findUserById(tx, practiceId, input.supervisorId);
  const therapist = await findUserById(tx, practiceId, input.therapistId);
  const issues = [];
  if (!supervisor || supervisor.disabledAt || !supervises(supervisor))
    issues.push({ path: 'supervisorId', message: 'Choose an active supervisor of this practice.' });
  if (!therapist || therapist.disabledAt || !treatsClients(therapist))
    issues.push({ path: 'therapistId', message: 'Choose an active therapist of this practice.' });
  return issues.length > 0
    ? new AppError('VALIDATION_FAILED', 'Check the supervisor and the therapist.', issues)
    : undefined;
}

/**
 * Assigns a supervisor to a therapist. It opens nothing by itself: the supervisor reads an
 * episode only while its client's supervision consent is live (access/episode-scope.ts).
 */
export async function assignSupervisor(
  ctx: AccessContext,
  input: AssignSupervisorInput,
): Promise<SupervisionAssignment> {
  return perform(ctx, 'supervision.assign', target, async (tx, step) => {
    const { practiceId } = step.actor;
    const issue = await staffIssue(tx, practiceId, input);
    if (issue) throw issue;
    if (await findLiveAssignment(tx, practiceId, input))
      throw new AppError('CONFLICT', 'This supervisor already supervises this therapist.');
    const id = await insertAssignment(tx, {
      practiceId,
      supervisorId: input.supervisorId,
      therapistId: input.therapistId,
      assignedBy: step.actor.userId,
      assignedAt: ctx.services.now(),
    });
    const row = await findLiveAssignment(tx, practiceId, { id });
    if (!row) throw new Error('assignment not found after insert');
    step.audit({
      resourceId: id,
      detail: { supervisorId: input.supervisorId, therapistId: input.therapistId },
    });
    return view(row);
  });
}

/** Ends an assignment: the supervisor's access to that therapist's episodes ends with it. */
export async function unassignSupervisor(ctx: AccessContext, id: string): Promise<void> {
  await perform(ctx, 'supervision.unassign', { ...target, resourceId: id }, async (tx, step) => {
    const row = await findLiveAssignment(tx, step.actor.practiceId, { id });
    if (!row) return HIDDEN;
    await endAssignment(tx, step.actor.practiceId, id, ctx.services.now());
    return true;
  });
}
