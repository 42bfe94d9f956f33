import { bodyOf, type SmtpSink } from '../../apps/server/src/mail/smtp-sink';
import { WAIT } from './session';

/**
 * The newest one-time link of this kind e-mailed to the address, read from the real SMTP sink the
 * server sends to (the admin outbox never shows links). Polls while the dispatcher sends.
 */
export async function linkIn(
  mail: SmtpSink,
  inbox: string,
  path: 'invitations' | 'reset-password',
): Promise<string> {
  const deadline = Date.now() + WAIT;
  const pattern = new RegExp(`https?://[^\\s]+/${path}/[\\w-]+`);
  while (Date.now() < deadline) {
    const link = mail.messages
      .filter((m) => m.to.includes(inbox))
      .map((m) => bodyOf(m.raw).match(pattern)?.[0])
      .filter((l): l is string => Boolean(l))
      .at(-1);
    if (link) return link;
    // The dispatcher runs every second; poll the inbox until the e-mail arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${path} link reached ${inbox}`);
}
