import type { Database } from '@throughline/db';
import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';

export type DispatchOptions = { transport: Transporter; from: string; batch?: number };

const MAX_ATTEMPTS = 8;

type Claimed = {
  practice_id: string;
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attempts: number;
};

/**
 * Sends pending outbox messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app
 * processes can dispatch at once without sending a message twice. Failures back off exponentially.
 */
export async function dispatchOutbox(db: Database, options: DispatchOptions): Promise<number> {
  const batch = options.batch ?? 20;
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<Claimed>(sql`
      SELECT practice_id, id, to_address, subject, text_body, attempts FROM outbox_messages
      WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
    for (const row of claimed.rows) {
      try {
        await options.transport.sendMail({
          from: options.from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
        });
        await tx.execute(sql`UPDATE outbox_messages SET status = 'sent', sent_at = now(),
          attempts = attempts + 1, last_error = NULL
          WHERE practice_id = ${row.practice_id} AND id = ${row.id}`);
      } catch (error) {
        const attempts = row.attempts + 1;
        const reason = error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
        await tx.execute(sql`UPDATE outbox_messages SET attempts = ${attempts},
          last_error = ${reason},
          status = ${attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'},
          next_attempt_at = now() + (interval '30 seconds' * power(2, ${attempts}))
          WHERE practice_id = ${row.practice_id} AND id = ${row.id}`);
      }
    }
    return claimed.rows.length;
  });
}
