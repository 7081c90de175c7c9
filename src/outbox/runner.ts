import { errorText } from './retry.js';

/** The part of pino (Fastify's logger, or the worker command's own) a worker writes to. */
export interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  /** For the log line when a step throws: `<name> step failed`. */
  name: string;
  /** Loops in this process, each working one job at a time. */
  concurrency: number;
  /** How long a loop waits after a step found nothing to do. */
  pollMs: number;
  /** Claims one due job and works it; false when none was due. */
  step(): Promise<boolean>;
  log: WorkerLog;
}

export interface JobRunner {
  /** Takes no new job, lets the ones in flight finish (each bounded by its own timeout), then resolves. */
  stop(): Promise<void>;
}

/**
 * The one worker loop of every queue: `concurrency` loops, each running `step` until it finds nothing due, then
 * waiting `pollMs`. A step that throws (the database busy or down) is logged and the loop goes on; its claim runs
 * out and the job is tried again. `stop` wakes the waiting loops and waits for the steps in flight.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { step, log } = options;
  let stopping = false;
  const wakers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  const loop = async () => {
    while (!stopping) {
      let worked = false;
      try {
        worked = await step();
      } catch (error) {
        log.error({ error: errorText(error instanceof Error ? error.message : String(error)) }, `${options.name} step failed`);
      }
      if (!worked && !stopping) await pause(options.pollMs);
    }
  };
  const loops = Array.from({ length: options.concurrency }, loop);

  return {
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
