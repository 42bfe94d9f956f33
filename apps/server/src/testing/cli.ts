import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Per CLI call; generous because each call transpiles with tsx, and CI machines are shared. */
export const CLI_TIMEOUT = 120_000;

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the real CLI entry point as an operator would, with only the given settings. */
export function cli(args: string[], settings: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, THROUGHLINE_DEMO: '0', ...settings };
  for (const name of ['DATABASE_URL', 'THROUGHLINE_MASTER_KEY']) {
    if (!(name in settings)) delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['apps/server/bin/throughline.mjs', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT - 5_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // A killed (hung) call shows up in assertion messages rather than as a bare "null".
      resolve({
        code,
        stdout,
        stderr: signal ? `killed by ${signal} after timeout\n${stderr}` : stderr,
      });
    });
  });
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o711); // the embedded PostgreSQL's system user must pass through when root
  return dir;
}
