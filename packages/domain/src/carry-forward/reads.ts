import { type SQL, sql } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { EventBranch } from '../shared/fragment';
import { fromPg, type Raw } from '../shared/local-time';
import type { Executor } from '../shared/transaction';
import { attachments, homework, threads } from './tables';
import { attachmentFileNamePurpose, homeworkPurpose, threadTitlePurpose } from './views';

/**
 * The carry-forward module's reads for other modules' read models (brief, caseload, timeline,
 * portal): threads, homework and attachments are named only in this module, and their sealed
 * columns are opened here with this module's purposes (module ownership, issue 8). Each read is
 * one query; decryption happens in memory (the data key is cached by the keyring).
 */

type Opener = (sealed: string, purpose: string) => Promise<string>;
const opener =
  (db: Executor, keyring: Keyring, practiceId: string): Opener =>
  (sealed, purpose) =>
    keyring.decrypt(db, practiceId, sealed, purpose);

export type OpenThread = { id: string; title: string; openedAt: Date };

/** The episode's open threads, oldest first, titles opened. */
export async function listOpenThreads(
  db: Executor,
  keyring: Keyring,
  q: { practiceId: string; episodeId: string },
): Promise<OpenThread[]> {
  const result = await db.execute<{ id: string; title: string; opened_at: string }>(sql`
    SELECT t.id, t.title, t.opened_at FROM ${threads} t
    WHERE t.practice_id = ${q.practiceId}::uuid AND t.episode_id = ${q.episodeId}::uuid
      AND t.closed_at IS NULL
    ORDER BY t.opened_at, t.id`);
  const open = opener(db, keyring, q.practiceId);
  return Promise.all(
    result.rows.map(async (r) => ({
      id: r.id,
      title: await open(r.title, threadTitlePurpose(r.id)),
      openedAt: fromPg(r.opened_at),
    })),
  );
}

export type HomeworkSince = {
  id: string;
  title: string;
  status: 'assigned' | 'done';
  dueOn: string | null;
  completedAt: Date | null;
  clientComment: string | null;
};

type HomeworkSinceRow = {
  id: string;
  title: string;
  status: 'assigned' | 'done';
  due_on: string | null;
  completed_at: Date | null;
  client_comment: string | null;
};

/**
 * The episode's open homework, and homework completed since `since` (all completed when null),
 * with the client's comment; title and comment opened.
 */
export async function listHomeworkSince(
  db: Executor,
  keyring: Keyring,
  q: { practiceId: string; episodeId: string; since: Date | null },
): Promise<HomeworkSince[]> {
  const done = q.since ? sql`h.completed_at >= ${q.since.toISOString()}::timestamptz` : sql`true`;
  const result = await db.execute<Raw<HomeworkSinceRow>>(sql`
    SELECT h.id, h.title, h.status, h.due_on::text AS due_on, h.completed_at, h.client_comment
    FROM ${homework} h
    WHERE h.practice_id = ${q.practiceId}::uuid AND h.episode_id = ${q.episodeId}::uuid
      AND (h.status = 'assigned' OR (h.status = 'done' AND ${done}))
    ORDER BY h.status, h.due_on NULLS LAST, h.created_at, h.id`);
  const open = opener(db, keyring, q.practiceId);
  return Promise.all(
    result.rows.map(async (r) => ({
      id: r.id,
      title: await open(r.title, homeworkPurpose(r.id, 'title')),
      status: r.status,
      dueOn: r.due_on,
      completedAt: fromPg(r.completed_at),
      clientComment: r.client_comment
        ? await open(r.client_comment, homeworkPurpose(r.id, 'comment'))
        : null,
    })),
  );
}

export type PortalHomework = {
  id: string;
  title: string;
  instructions: string;
  dueOn: string | null;
  status: 'assigned' | 'done';
  link: string | null;
  attachment: { id: string; fileName: string } | null;
  clientComment: string | null;
};

type PortalHomeworkRow = {
  id: string;
  title: string;
  instructions: string;
  due_on: string | null;
  status: 'assigned' | 'done';
  link: string | null;
  client_comment: string | null;
  attachment_id: string | null;
  attachment_file_name: string | null;
};

/**
 * Open homework, and homework done since `doneSince`, of the episodes `episodesSql` selects
 * (`practice_id`, `id`; the caller's visibility rule): open first, by due date. Every sealed
 * field opened, the attachment's file name included.
 */
export async function listPortalHomeRows(
  db: Executor,
  keyring: Keyring,
  q: { practiceId: string; episodesSql: SQL; doneSince: Date },
): Promise<PortalHomework[]> {
  const result = await db.execute<PortalHomeworkRow>(sql`
    SELECT h.id, h.title, h.instructions, h.due_on::text AS due_on, h.status, h.link,
      h.client_comment, att.id AS attachment_id, att.file_name AS attachment_file_name
    FROM ${homework} h
    JOIN (${q.episodesSql}) ep ON ep.practice_id = h.practice_id AND ep.id = h.episode_id
    LEFT JOIN ${attachments} att ON att.practice_id = h.practice_id AND att.id = h.attachment_id
    WHERE h.status = 'assigned' OR h.completed_at >= ${q.doneSince.toISOString()}::timestamptz
    ORDER BY h.status, h.due_on NULLS LAST, h.created_at DESC, h.id`);
  const open = opener(db, keyring, q.practiceId);
  return Promise.all(
    result.rows.map(
      async (h): Promise<PortalHomework> => ({
        id: h.id,
        title: await open(h.title, homeworkPurpose(h.id, 'title')),
        instructions: await open(h.instructions, homeworkPurpose(h.id, 'instructions')),
        dueOn: h.due_on,
        status: h.status,
        link: h.link === null ? null : await open(h.link, homeworkPurpose(h.id, 'link')),
        attachment:
          h.attachment_id && h.attachment_file_name
            ? {
                id: h.attachment_id,
                fileName: await open(
                  h.attachment_file_name,
                  attachmentFileNamePurpose(h.attachment_id),
                ),
              }
            : null,
        clientComment: h.client_comment
          ? await open(h.client_comment, homeworkPurpose(h.id, 'comment'))
          : null,
      }),
    ),
  );
}

/**
 * For a CTE: `episode_id, completed, overdue` — per episode in `ep` (`practice_id`, `id`), homework
 * completed after the episode's last contact (`lastContact`: a relation of `episode_id,
 * last_contact_at`; none means all completed homework) and homework still assigned past its due
 * date (`today`: a date expression, the practice's today). Episodes with no homework have no row.
 */
export function homeworkAttentionSql(q: { ep: SQL; lastContact: SQL; today: SQL }): SQL {
  return sql`SELECT h.episode_id,
      count(*) FILTER (WHERE h.status = 'done'
        AND h.completed_at > coalesce(s.last_contact_at, '-infinity'::timestamptz))::int AS completed,
      count(*) FILTER (WHERE h.status = 'assigned' AND h.due_on < ${q.today})::int AS overdue
    FROM ${homework} h JOIN ${q.ep} ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id
      LEFT JOIN ${q.lastContact} s ON s.episode_id = h.episode_id
    GROUP BY h.episode_id`;
}

/** Timeline branches: homework set, and homework done, in the episodes in `ep`; title sealed. */
export function homeworkEvents(ep: SQL): EventBranch[] {
  const title = (id: string): string => homeworkPurpose(id, 'title');
  return [
    {
      sql: sql`SELECT h.created_at, h.episode_id, h.id, 0, 'set', NULL::text, h.title, NULL::text
        FROM ${homework} h JOIN ${ep} ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id`,
      sealedPurpose: title,
    },
    {
      sql: sql`SELECT h.completed_at, h.episode_id, h.id, 1, 'done', NULL::text, h.title, NULL::text
        FROM ${homework} h JOIN ${ep} ep ON h.practice_id = ep.practice_id AND h.episode_id = ep.id
        WHERE h.completed_at IS NOT NULL`,
      sealedPurpose: title,
    },
  ];
}
