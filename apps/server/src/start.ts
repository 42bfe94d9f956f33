import path from 'node:path';
import { ROLE_NAMES } from '@throughline/contracts';
import { ensureDatabaseRoles } from '@throughline/db';
import { buildApp } from './app';
import { startBackground } from './background';
import type { Config } from './config';
import {
  DEMO_CLIENTS,
  DEMO_PASSWORD,
  DEMO_PRACTICE,
  DEMO_STAFF,
  demoExists,
  hasAnyPractice,
  seedDemo,
} from './demo/seed';
import { startJobs } from './jobs/queue';
import { createMailer } from './mail/transport';
import { openRuntime } from './services';
import { startTestClock } from './test-clock';

const say = (line = ''): boolean => process.stdout.write(`${line}\n`);

function printDemoLogins(url: string): void {
  say();
  say(`  Demo practice: ${DEMO_PRACTICE}. Every demo password is: ${DEMO_PASSWORD}`);
  say('  Staff sign in with two-factor; add the secret to an authenticator app, or run');
  say('  "npx throughline demo codes" for the current codes.');
  for (const s of DEMO_STAFF)
    say(`    ${ROLE_NAMES[s.role].padEnd(23)} ${s.email.padEnd(32)} TOTP secret ${s.totpSecret}`);
  for (const c of DEMO_CLIENTS) {
    say(
      `    ${ROLE_NAMES.client.padEnd(23)} ${c.email.padEnd(32)} ${c.accepted ? '(no two-factor)' : '(invited: see below)'}`,
    );
  }
  const invited = DEMO_CLIENTS.filter((c) => !c.accepted);
  for (const c of invited) {
    // The link is a credential: it is never printed or stored, only minted on request.
    say(
      `  To accept ${c.email}'s invitation, run "npx throughline invitation link --email ${c.email}".`,
    );
  }
  say();
  say(`  Open ${url} and sign in.`);
}

/** `npm start` / `throughline start`: database, migrations, demo seed, HTTP server, background loops. */
export async function start(config: Config): Promise<void> {
  say('Throughline is starting…');
  const runtime = await openRuntime(config, (line) => say(`  ${line}`));
  say(`  database: ${runtime.handle.describe}`);
  const testClock = config.testClockFile
    ? startTestClock(config.testClockFile, runtime.handle.pool, (error) =>
        process.stderr.write(`test clock: ${error instanceof Error ? error.message : error}\n`),
      )
    : undefined;
  if (testClock) {
    runtime.services.now = testClock.now;
    say(
      '  warning: THROUGHLINE_TEST_CLOCK_FILE is set, so a test moves this clock. Never use it with real records.',
    );
  }
  if (config.demo && !(await hasAnyPractice(runtime.services))) await seedDemo(runtime.services);
  const mailer = await createMailer(config.smtpUrl, path.join(config.dataDir, 'mail'));
  say(`  e-mail:   ${mailer.describe}`);
  const app = await buildApp({
    services: runtime.services,
    logLevel: config.logLevel,
    logFormat: config.logFormat,
    webDir: config.webDir,
  });
  // The job queue (reminders) shares the app's pool; its tables live in the pgboss schema.
  // pg-boss runs on the owner's connection (it creates its own tables); requests send jobs as the
  // app role, which is granted the job tables once pg-boss has made them.
  const jobs = await startJobs(runtime.services, runtime.handle.pool, app.log);
  if (runtime.roles.ok) await ensureDatabaseRoles(runtime.handle.db);
  const background = startBackground({
    services: runtime.services,
    sealerDb: runtime.sealerDb,
    dataDir: runtime.dataDir,
    mailer,
    from: config.mailFrom,
    log: app.log,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping Throughline…`);
    await app.close();
    testClock?.stop();
    await jobs.stop();
    await background.stop();
    await mailer.close();
    await runtime.handle.close();
    say('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // At a terminal the banner says where Throughline runs: Fastify's own "Server listening" line
  // would sit in the middle of it. JSON logs keep it, for the log collector.
  const level = app.log.level;
  if (config.logFormat === 'pretty' && level === 'info') app.log.level = 'warn';
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs.stop();
    await background.stop();
    await mailer.close();
    await runtime.handle.close();
    throw new Error(
      `Could not listen on ${config.host}:${config.port} (${error instanceof Error ? error.message : error}). Set PORT to a free port.`,
    );
  } finally {
    app.log.level = level;
  }
  say(`  API docs: ${config.publicUrl}/api/docs`);
  if (config.demo && (await demoExists(runtime.services))) printDemoLogins(config.publicUrl);
  say(`Throughline is running at ${config.publicUrl} — press Ctrl-C to stop.`);
}
