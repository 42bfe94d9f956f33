import { existsSync } from 'node:fs';
import { backupDatabase, restoreDatabase } from '@throughline/db';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openRuntime } from '../services';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent logical backup (gzip JSON lines, mode 0600). Back up data/master.key separately.',
    )
    .requiredOption('--out <file>', 'where to write the backup')
    .action(async (options: { out: string }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const result = await backupDatabase(runtime.handle.pool, options.out);
        process.stderr.write(
          `Backed up ${result.rows} rows from ${result.tables} tables to ${options.out}.\n`,
        );
      } finally {
        await runtime.handle.close();
      }
    });

  program
    .command('restore')
    .description('Replace all data with a backup, in one transaction (all or nothing)')
    .requiredOption('--in <file>', 'the backup file')
    .option('--yes', 'confirm that the current data will be replaced')
    .action(async (options: { in: string; yes?: boolean }) => {
      if (!existsSync(options.in)) throw new Error(`${options.in} does not exist.`);
      if (!options.yes)
        throw new Error('Restoring replaces all current data; run again with --yes to confirm.');
      const runtime = await openRuntime(loadConfig());
      try {
        const result = await restoreDatabase(runtime.handle.pool, options.in);
        process.stderr.write(`Restored ${result.rows} rows into ${result.tables} tables.\n`);
      } finally {
        await runtime.handle.close();
      }
    });
}
