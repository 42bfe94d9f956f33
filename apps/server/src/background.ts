import type { Database } from '@throughline/db';
import {
  type PeriodicJob,
  type Services,
  scrubFinishedMail,
  sealAuditEvents,
} from '@throughline/domain';
import type { FastifyBaseLogger } from 'fastify';
import { checkpointWriter } from './audit-checkpoints';
import { PERIODIC_JOBS, type PeriodicContext } from './jobs/registry';
import type { Mailer } from './mail/transport';

/** How often the sealer publishes a signed checkpoint of the chain heads (when they moved). */
const CHECKPOINT_EVERY_MS = 15 * 60 * 1000;

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
  /** The sealer's own connection (seal columns and chain head only). */
  sealerDb: Database;
  /** Where signed audit checkpoints are written (`<data dir>/audit-checkpoints`). */
  dataDir: string;
  mailer: Mailer;
  from: string;
  log: FastifyBaseLogger;
};

/**
 * Seals the audit chain every 2 s, then publishes a signed checkpoint of the chain heads when
 * they moved (at most every 15 minutes). Declared here, not in the audit module: the checkpoint
 * files are the server's.
 */
function auditSealJob(
  checkpoint: ReturnType<typeof checkpointWriter>,
  log: FastifyBaseLogger,
): PeriodicJob<PeriodicContext> {
  return {
    name: 'audit sealer',
    everyMs: 2000,
    run: async ({ sealerDb }) => {
      await sealAuditEvents(sealerDb);
      const written = await checkpoint();
      // Also in the log, which usually leaves the machine: one more copy outside the database.
      if (written) log.info({ checkpoint: written.line, file: written.file }, 'audit checkpoint');
    },
  };
}

/**
 * The periodic work of a server process: the audit sealer and every module's periodic jobs
 * (`PERIODIC_JOBS`). Each is safe with several processes: the sealer locks one practice's chain
 * head at a time; the dispatcher claims rows with SKIP LOCKED.
 */
export function startBackground(options: BackgroundOptions): Loop {
  const { services, mailer, log } = options;
  const checkpoint = checkpointWriter({
    db: options.sealerDb,
    dataDir: options.dataDir,
    masterKey: services.keyring.masterKey,
    now: services.now,
    everyMs: CHECKPOINT_EVERY_MS,
  });
  // Mail delivered before links were minted at send time kept its text; clear it once.
  scrubFinishedMail(services.db).catch((error: unknown) =>
    log.error({ err: error }, 'mail scrub failed'),
  );
  const context: PeriodicContext = {
    services,
    sealerDb: options.sealerDb,
    mail: { transport: mailer.transport, from: options.from },
  };
  const loops = [auditSealJob(checkpoint, log), ...PERIODIC_JOBS].map((job) =>
    every(job.everyMs, job.name, log, () => job.run(context)),
  );
  return { stop: async () => void (await Promise.all(loops.map((l) => l.stop()))) };
}
