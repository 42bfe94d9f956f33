import { currentTotp } from '@throughline/domain';
import type { Command } from 'commander';
import { DEMO_STAFF } from '../demo/seed';

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('The demo practice');
  demo
    .command('codes')
    .description('Print the current two-factor codes of the demo staff (their secrets are public)')
    .action(async () => {
      for (const person of DEMO_STAFF) {
        process.stdout.write(
          `${person.email.padEnd(32)} ${await currentTotp(person.totpSecret)}\n`,
        );
      }
    });
}
