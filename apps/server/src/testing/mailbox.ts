import { dispatchOutbox, type Services } from '@throughline/domain';
import nodemailer from 'nodemailer';
import { bodyOf, type SmtpSink, type SunkMessage, startSmtpSink } from '../mail/smtp-sink';

export const MAIL_FROM = 'Throughline <no-reply@test.example>';

/**
 * A real SMTP sink the tests read mail from, as a recipient would: the only place a one-time
 * link exists once it has been sent.
 */
export type Mailbox = {
  sink: SmtpSink;
  /** Runs the dispatcher until nothing is pending; returns how many rows it handled. */
  deliver: () => Promise<number>;
  /** Messages received for an address, oldest first. */
  to: (email: string) => SunkMessage[];
  /** The token of the newest link of this kind e-mailed to the address. */
  linkFor: (email: string, path: 'invitations' | 'reset-password') => string;
  close: () => Promise<void>;
};

export async function openMailbox(services: Services): Promise<Mailbox> {
  const sink = await startSmtpSink({ keep: 1000 });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
  });
  const to = (email: string): SunkMessage[] =>
    sink.messages.filter((m) => m.to.includes(email.toLowerCase()));
  return {
    sink,
    to,
    deliver: async () => {
      let total = 0;
      for (;;) {
        const n = await dispatchOutbox(services, { transport, from: MAIL_FROM });
        if (n === 0) return total;
        total += n;
      }
    },
    linkFor: (email, path) => {
      const newest = to(email).at(-1);
      const token = newest && bodyOf(newest.raw).match(new RegExp(`/${path}/([\\w-]+)`))?.[1];
      if (!token) throw new Error(`no ${path} link e-mailed to ${email}`);
      return token;
    },
    close: async () => {
      transport.close();
      await sink.close();
    },
  };
}
