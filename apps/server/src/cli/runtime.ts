import { AppError, type Services } from '@throughline/domain';
import { loadConfig } from '../config';
import { openRuntime, type Runtime } from '../services';

/** Prints a message a person can act on (never a stack for expected errors) and exits non-zero. */
export function fail(error: unknown): never {
  const message =
    error instanceof AppError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`throughline: ${message}\n`);
  process.exit(1);
}

/**
 * Runs a command against the same database the server uses: DATABASE_URL, the embedded cluster a
 * running server already started, or an embedded cluster started (and stopped) just for this.
 */
export async function withRuntime(
  work: (services: Services, runtime: Runtime) => Promise<void>,
): Promise<void> {
  const runtime = await openRuntime(loadConfig());
  try {
    await work(runtime.services, runtime);
  } finally {
    await runtime.handle.close();
  }
}
