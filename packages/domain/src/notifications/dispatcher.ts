import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Services } from '../access';
import {
  type PreparedLinkMail,
  prepareInvitationMail,
  preparePasswordResetMail,
} from '../identity';
import type { Executor } from '../shared/transaction';

export type DispatchOptions = { transport: Transporter; from: string; batch?: number };

const MAX_ATTEMPTS = 8;

type Claimed = {
  practice_id: string;
  id: string;
  kind: string;
  to_address: string;
  subject: string | null;
  text_body: string | null;
  invitation_id: string | null;
  password_reset_id: string | null;
  attempts: number;
};

/** What to send for a row: link e-mails are rendered now, with a freshly minted link. */
async function prepare(
  tx: Executor,
  services: Services,
  row: Claimed,
): Promise<PreparedLinkMail | undefined> {
  const practiceId = row.practice_id;
  if (row.invitation_id) {
    return prepareInvitationMail(tx, services, { practiceId, invitationId: row.invitation_id });
  }
  if (row.password_reset_id) {
    return preparePasswordResetMail(tx, services, {
      practiceId,
      passwordResetId: row.password_reset_id,
    });
  }
  if (row.subject === null || row.text_body === null) return undefined;
  return { subject: row.subject, text: row.text_body, afterSend: async () => {} };
}

/**
 * Sends pending outbox messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app
 * processes can dispatch at once without sending a message twice. Failures back off exponentially.
 * A sent (or abandoned) row keeps recipient, kind and times only: its subject and text are
 * cleared, and a link e-mail never had any stored (issue 7 item 1). A retry after a failed send
 * mints a new link; the failed one was never delivered and never stored.
 */
export async function dispatchOutbox(
  services: Services,
  options: DispatchOptions,
): Promise<number> {
  const batch = options.batch ?? 20;
  return services.db.transaction(async (tx) => {
    const claimed = await tx.execute<Claimed>(sql`
      SELECT practice_id, id, kind, to_address, subject, text_body, invitation_id,
             password_reset_id, attempts
      FROM outbox_messages
      WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    for (const row of claimed.rows) {
      const where = sql`practice_id = ${row.practice_id} AND id = ${row.id}`;
      const mail = await prepare(tx, services, row);
      if (!mail) {
        // The link's purpose ended before it went out (used, deactivated): send nothing.
        await tx.execute(sql`UPDATE outbox_messages SET status = 'cancelled', subject = NULL,
          text_body = NULL WHERE ${where}`);
        continue;
      }
      try {
        await options.transport.sendMail({
          from: options.from,
          to: row.to_address,
          subject: mail.subject,
          text: mail.text,
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const reason = error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
        const gaveUp = attempts >= MAX_ATTEMPTS;
        await tx.execute(sql`UPDATE outbox_messages SET attempts = ${attempts},
          last_error = ${reason},
          status = ${gaveUp ? 'failed' : 'pending'},
          subject = CASE WHEN ${gaveUp}::boolean THEN NULL ELSE subject END,
          text_body = CASE WHEN ${gaveUp}::boolean THEN NULL ELSE text_body END,
          next_attempt_at = now() + (interval '30 seconds' * power(2, ${attempts}))
          WHERE ${where}`);
        continue;
      }
      await mail.afterSend();
      await tx.execute(sql`UPDATE outbox_messages SET status = 'sent', sent_at = now(),
        attempts = attempts + 1, last_error = NULL, subject = NULL, text_body = NULL
        WHERE ${where}`);
    }
    return claimed.rows.length;
  });
}

/**
 * Clears the subject and text of mail that can no longer be sent. Rows delivered before links were
 * minted at send time kept their text (with the link) in plaintext; run once at start.
 */
export async function scrubFinishedMail(db: Services['db']): Promise<number> {
  const result = await db.execute(sql`UPDATE outbox_messages SET subject = NULL, text_body = NULL
    WHERE status <> 'pending' AND (subject IS NOT NULL OR text_body IS NOT NULL)`);
  return result.rowCount ?? 0;
}
