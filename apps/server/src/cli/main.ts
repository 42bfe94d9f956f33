import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config';
import { start } from '../start';
import { registerAuditCommands } from './audit';
import { registerBackupCommands } from './backup';
import { registerDemoCommands } from './demo';
import { registerIdentityCommands } from './identity';
import { registerPracticeExportCommands } from './practice-export';
import { fail, withRuntime } from './runtime';

const program = new Command()
  .name('throughline')
  .description('Throughline: the ongoing therapist–client relationship, self-hosted.')
  .showHelpAfterError();

program
  .command('start', { isDefault: true })
  .description('Start the server (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => start(loadConfig()));

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(() =>
    withRuntime(async () => {
      process.stderr.write('Migrations applied.\n');
    }),
  );

registerIdentityCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerPracticeExportCommands(program);
registerDemoCommands(program);

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('Use a whole number of at least 1.');
  return n;
}

program.parseAsync(process.argv).catch(fail);
