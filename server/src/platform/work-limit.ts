/**
 * A counting semaphore with a bounded waiting line, for work that is heavy on CPU or memory (decoding images):
 * at most `concurrency` jobs run at once, up to `queue` more wait in arrival order, and anything beyond is refused
 * at once rather than piling up memory and latency. One process counts its own work.
 */
export class WorkLimitFull extends Error {
  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {
    super(`work limit: ${running} running and ${waiting} waiting`);
    this.name = 'WorkLimitFull';
  }
}

export class WorkLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new Error('WorkLimit: concurrency must be a positive integer');
    if (!Number.isInteger(queue) || queue < 0) throw new Error('WorkLimit: queue must be a non-negative integer');
  }

  /** Jobs running and waiting now (for health and tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `job` when a slot is free; throws WorkLimitFull without running it when the waiting line is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new WorkLimitFull(this.running, this.waiting.length);
      // The slot is handed over by the finishing job, so `running` never drops below the number of live jobs.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
