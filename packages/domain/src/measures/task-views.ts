import type * as Contract from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { InstrumentCatalogue } from '../instruments';
import type { Executor } from '../shared/transaction';
import type { TaskRow } from './tasks-repository';

export const taskAnswersPurpose = (taskId: string): string => `measure-task.answers:${taskId}`;

/** Version of the encrypted partial-answers JSON. */
export const PARTIAL_ANSWERS_VERSION = 1;
type StoredPartial = { v: number; answers: (number | null)[] };

/** A task as the therapist sees it: which questionnaire, for which session, and its state. */
export type MeasureTaskSummary = Contract.MeasureTaskSummary;

/** A task as the client's portal shows it: the form to fill in, from the instrument definition. */
export type PortalMeasureTask = MeasureTaskSummary & {
  version: string;
  instructions: string;
  items: { number: number; text: string }[];
  options: { value: number; label: string }[];
  attribution: string;
  /** Saved progress, one entry per item (null = not yet answered); null when nothing is saved. */
  answers: (number | null)[] | null;
};

export function toTaskSummary(row: TaskRow, catalogue: InstrumentCatalogue): MeasureTaskSummary {
  return {
    id: row.id,
    episodeId: row.episodeId,
    instrument: row.instrument,
    title: catalogue.get(row.instrument).title,
    appointmentId: row.appointmentId,
    dueAt: row.dueAt,
    status: row.status,
    notifiedAt: row.notifiedAt,
    completedAt: row.completedAt,
  };
}

export async function sealPartialAnswers(
  tx: Executor,
  ctx: AccessContext,
  row: TaskRow,
  answers: (number | null)[],
): Promise<string> {
  const stored: StoredPartial = { v: PARTIAL_ANSWERS_VERSION, answers };
  return ctx.services.keyring.encrypt(
    tx,
    row.practiceId,
    JSON.stringify(stored),
    taskAnswersPurpose(row.id),
  );
}

export async function toPortalTask(
  tx: Executor,
  ctx: AccessContext,
  row: TaskRow,
  catalogue: InstrumentCatalogue,
): Promise<PortalMeasureTask> {
  const definition = catalogue.get(row.instrument);
  let answers: (number | null)[] | null = null;
  if (row.partialAnswers) {
    const plain = await ctx.services.keyring.decrypt(
      tx,
      row.practiceId,
      row.partialAnswers,
      taskAnswersPurpose(row.id),
    );
    answers = (JSON.parse(plain) as StoredPartial).answers;
  }
  return {
    ...toTaskSummary(row, catalogue),
    version: definition.version,
    instructions: definition.instructions,
    items: definition.items.map((i) => ({ number: i.number, text: i.text })),
    options: definition.options.map((o) => ({ value: o.value, label: o.label })),
    attribution: definition.attribution,
    answers,
  };
}
