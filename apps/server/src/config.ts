import path from 'node:path';
import { chooseLogFormat, type LogFormat } from './plugins/log-format';

/** Every setting comes from the environment; the README's configuration table lists them all. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  masterKey: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** `pretty` at a terminal, `json` otherwise or when LOG_FORMAT=json. */
  logFormat: LogFormat;
  /** Where the built web app lives; absent means API only. */
  webDir: string;
  /** Browser tests only: a file holding how far this server's clock is moved (test-clock.ts). */
  testClockFile: string | undefined;
};

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, not "${value}".`);
  return n;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  isTty: boolean = process.stdout.isTTY === true,
): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    dataDir: path.resolve(env.THROUGHLINE_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.THROUGHLINE_DEMO !== '0',
    masterKey: env.THROUGHLINE_MASTER_KEY || undefined,
    publicUrl: env.THROUGHLINE_PUBLIC_URL || `http://localhost:${port}`,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Throughline <no-reply@localhost>',
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: chooseLogFormat(env.LOG_FORMAT, isTty),
    webDir: path.resolve(
      env.THROUGHLINE_WEB_DIR || new URL('../../web/dist', import.meta.url).pathname,
    ),
    testClockFile: env.THROUGHLINE_TEST_CLOCK_FILE || undefined,
  };
}
