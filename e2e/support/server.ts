import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real `throughline start` process with a fresh embedded PostgreSQL and the demo practice. */
export type RunningServer = {
  url: string;
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** The server's time: real time, plus however far `moveClock` moved it. */
  now: () => Date;
  /**
   * Moves the server's clock `ms` forward (started with `testClock: true` only); jobs due by then
   * run within the queue's polling interval. See apps/server/src/test-clock.ts.
   */
  moveClock: (ms: number) => void;
  stop: () => Promise<void>;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'apps/server/bin/throughline.mjs');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** After a forced kill, the embedded PostgreSQL would outlive its parent: stop it directly. */
function stopOrphanedPostgres(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`throughline exited before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`throughline was not healthy after ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts `node apps/server/bin/throughline.mjs start` on a free port with its own data folder.
 * First start initialises PostgreSQL, migrates and seeds the demo, which takes a while.
 */
export async function startServer(
  options: { timeoutMs?: number; env?: Record<string, string>; testClock?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'throughline-e2e-'));
  // mkdtemp makes 0700; as root, PostgreSQL runs as the "postgres" user, which must pass through.
  chmodSync(dataDir, 0o711);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THROUGHLINE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    THROUGHLINE_PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
  };
  // A CI machine's DATABASE_URL must not redirect the e2e run away from its own embedded cluster.
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const clockFile = path.join(dataDir, 'test-clock');
  if (options.testClock) env.THROUGHLINE_TEST_CLOCK_FILE = clockFile;
  Object.assign(env, options.env);
  let offset = 0;
  const now = (): Date => new Date(Date.now() + offset);
  const moveClock = (ms: number): void => {
    if (!options.testClock) throw new Error('moveClock needs startServer({ testClock: true })');
    offset += ms;
    writeFileSync(clockFile, String(offset));
  };

  let log = '';
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer): void => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const output = (): string => log;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        // A clean stop closes the embedded PostgreSQL too; only force it after a long wait.
        let forced = false;
        const timer = setTimeout(() => {
          forced = true;
          child.kill('SIGKILL');
        }, 30_000);
        await exited(child);
        clearTimeout(timer);
        if (forced) stopOrphanedPostgres(dataDir);
      }
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    await waitForHealth(url, child, output, options.timeoutMs ?? 110_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, output, now, moveClock, stop };
}
