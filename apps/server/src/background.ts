import {
  dispatchOutbox,
  purgeExpiredSessions,
  type Services,
  sealAuditEvents,
} from '@throughline/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from './mail/transport';

type Loop = { stop: () => Promise<void> };

/** Runs `work` every `ms`, never overlapping itself; errors are logged, not thrown. */
function every(
  ms: number,
  name: string,
  log: FastifyBaseLogger,
  work: () => Promise<unknown>,
): Loop {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = work()
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = undefined;
      });
  }, ms);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

export type BackgroundOptions = {
  services: Services;
  mailer: Mailer;
  from: string;
  log: FastifyBaseLogger;
};

/**
 * The periodic work of a server process. Each loop is safe with several processes: the sealer
 * locks one practice's chain head at a time; the dispatcher claims rows with SKIP LOCKED.
 */
export function startBackground(options: BackgroundOptions): Loop {
  const { services, mailer, log } = options;
  const loops = [
    every(2000, 'audit sealer', log, () => sealAuditEvents(services.db)),
    every(1000, 'outbox dispatcher', log, () =>
      dispatchOutbox(services.db, { transport: mailer.transport, from: options.from }),
    ),
    every(10 * 60 * 1000, 'session purge', log, () =>
      purgeExpiredSessions(services.db, services.now()),
    ),
  ];
  return { stop: async () => void (await Promise.all(loops.map((l) => l.stop()))) };
}
