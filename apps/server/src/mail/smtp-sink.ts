import { SMTPServer } from 'smtp-server';

export type SunkMessage = { from: string; to: string[]; raw: string; receivedAt: Date };

export type SmtpSink = {
  port: number;
  messages: SunkMessage[];
  close: () => Promise<void>;
};

/**
 * A local SMTP server that accepts every message (no auth, loopback only). Used when no SMTP
 * server is configured, so the demo works offline, and by tests as a real protocol peer. The
 * outbox table remains the record admins read.
 */
export async function startSmtpSink(options: { keep?: number } = {}): Promise<SmtpSink> {
  const keep = options.keep ?? 200;
  const messages: SunkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date(),
        });
        if (messages.length > keep) messages.shift();
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
