import {
  createPractice,
  createUserWithPassword,
  issueApiTokenForEmail,
  issueInvitationLink,
  ROLES,
  type Role,
} from '@throughline/domain';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { operatorContext } from '../operator';
import { withRuntime } from './runtime';

function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365)
    throw new InvalidArgumentError('Use 1 to 365 days.');
  return n;
}

/** Only the new id (or token) goes to stdout, so scripts can capture it. */
export function registerIdentityCommands(program: Command): void {
  const practice = program.command('practice').description('Practices (tenants)');
  practice
    .command('create')
    .description('Create a practice; prints its id')
    .requiredOption('--name <name>', 'the practice name')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .action((options: { name: string; timeZone: string }) =>
      withRuntime(async (services) => {
        const created = await createPractice(operatorContext(services), {
          name: options.name,
          timeZone: options.timeZone,
        });
        process.stdout.write(`${created.id}\n`);
      }),
    );

  const user = program.command('user').description('Users');
  user
    .command('create')
    .description('Create a user with a password; prints the user id')
    .requiredOption('--practice <id>', 'practice id')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--password <password>', 'initial password (12+ characters)')
    .option('--name <name>', 'display name (defaults to the e-mail address)')
    .action(
      (options: { practice: string; role: Role; email: string; password: string; name?: string }) =>
        withRuntime(async (services) => {
          if (!/^[0-9a-f-]{36}$/i.test(options.practice))
            throw new Error(`"${options.practice}" is not a practice id.`);
          const created = await createUserWithPassword(operatorContext(services), {
            practiceId: options.practice,
            role: options.role,
            email: options.email,
            displayName: options.name ?? options.email,
            password: options.password,
          });
          process.stdout.write(`${created.id}\n`);
        }),
    );

  const token = program.command('token').description('Personal API tokens');
  token
    .command('create')
    .description('Issue a personal API token for a user; prints it once (only its hash is stored)')
    .requiredOption('--email <email>', "the user's e-mail address")
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--days <n>', 'days until it expires (1–365)', days, 90)
    .action((options: { email: string; name: string; days: number }) =>
      withRuntime(async (services) => {
        const issued = await issueApiTokenForEmail(operatorContext(services), {
          email: options.email,
          name: options.name,
          expiresInDays: options.days,
        });
        process.stdout.write(`${issued.token}\n`);
      }),
    );

  const invitation = program.command('invitation').description('Invitations');
  invitation
    .command('link')
    .description(
      'Mint a fresh link for an open invitation and print it once; earlier links stop working',
    )
    .requiredOption('--email <email>', "the invited person's e-mail address")
    .action((options: { email: string }) =>
      withRuntime(async (services) => {
        const token = await issueInvitationLink(services, options.email);
        process.stdout.write(`${services.publicUrl.replace(/\/$/, '')}/invitations/${token}\n`);
      }),
    );
}
