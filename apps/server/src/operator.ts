import { randomUUID } from 'node:crypto';
import { type AccessContext, ANONYMOUS, type Role, type Services } from '@throughline/domain';

/** The context of the person at the server's console (CLI, demo seed): no signed-in user. */
export function operatorContext(services: Services): AccessContext {
  return { actor: ANONYMOUS, requestId: `cli:${randomUUID()}`, services };
}

/** Acting as a given user from the console, as the demo seed does to build a realistic history. */
export function actingAs(
  services: Services,
  user: { id: string; practiceId: string; role: Role },
): AccessContext {
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      practiceId: user.practiceId,
      role: user.role,
      stage: 'complete',
      twoFactorVerified: true,
      via: 'cli',
    },
    requestId: `cli:${randomUUID()}`,
    services,
  };
}
