import nodemailer, { type Transporter } from 'nodemailer';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

export type Mailer = {
  transport: Transporter;
  describe: string;
  sink?: SmtpSink;
  close: () => Promise<void>;
};

/**
 * SMTP_URL when configured (smtp[s]://user:pass@host:port); otherwise the built-in local sink,
 * which files each message under `mailDir` for the operator to open (never shown in the app).
 */
export async function createMailer(smtpUrl: string | undefined, mailDir: string): Promise<Mailer> {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    const host = new URL(smtpUrl).host;
    return { transport, describe: `SMTP at ${host}`, close: async () => transport.close() };
  }
  const sink = await startSmtpSink({ dir: mailDir });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
  });
  return {
    transport,
    sink,
    describe: `built-in local sink (no SMTP_URL set): e-mails are filed in ${mailDir}`,
    close: async () => {
      transport.close();
      await sink.close();
    },
  };
}
