import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type SunkMessage = { from: string; to: string[]; raw: string; receivedAt: Date };

export type SmtpSink = {
  port: number;
  /** The newest messages, in memory only (tests read them). */
  messages: SunkMessage[];
  close: () => Promise<void>;
};

export type SinkOptions = {
  keep?: number;
  /**
   * Also write each message as an `.eml` file here (folder 0700, files 0600): the built-in sink's
   * mailbox, which only the operator account can read. Invitation and reset links are in these
   * files, so they are never shown in the app (issue 7 item 1).
   */
  dir?: string;
};

let filed = 0;

function writeMailFile(dir: string, message: SunkMessage, keep: number): void {
  const stamp = message.receivedAt.toISOString().replace(/[:.]/g, '-');
  // The counter keeps names in arrival order within one millisecond; names sort by time.
  filed += 1;
  const name = `${stamp}-${String(filed).padStart(8, '0')}.eml`;
  writeFileSync(path.join(dir, name), message.raw, { mode: 0o600 });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    rmSync(path.join(dir, old), { force: true });
  }
}

/**
 * A local SMTP server that accepts every message (no auth, loopback only). Used when no SMTP
 * server is configured, so the demo works offline, and by tests as a real protocol peer.
 */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const keep = options.keep ?? 200;
  const { dir } = options;
  if (dir) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  const messages: SunkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date(),
        };
        messages.push(message);
        if (messages.length > keep) messages.shift();
        try {
          if (dir) writeMailFile(dir, message, keep);
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error('could not store the message'));
        }
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

/** The decoded text body of a received message (nodemailer may use quoted-printable). */
export function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
