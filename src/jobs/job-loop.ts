/**
 * A background job that runs at most every `intervalMs` (default 60 s), sooner when the next
 * thing it has to do falls due earlier: the clock sweep and scheduled publication share it.
 * A run never overlaps the previous one; `stop` waits for the run under way and no run starts after it
 * (a graceful shutdown: the job in hand finishes, then the database may close).
 */
export interface JobLoop {
  start(): void
  stop(): Promise<void>
}

export interface JobLoopOptions {
  /** One run; failures are the caller's to log (`onError`). */
  run: () => Promise<void>
  /** When the next run is due (ISO instant), if anything is waiting. */
  nextAt: () => Promise<string | undefined>
  onError: (error: unknown) => void
  now: () => Date
  intervalMs?: number | undefined
}

export function startJobLoop(o: JobLoopOptions): JobLoop {
  const interval = o.intervalMs ?? 60_000
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const schedule = async () => {
    if (stopped) return
    const next = await o.nextAt().catch(() => undefined)
    // Stopped while asking: no next run (it would come after the database closed).
    if (stopped) return
    const wait = next ? Math.min(interval, Math.max(1000, Date.parse(next) - o.now().getTime())) : interval
    timer = setTimeout(tick, wait)
    timer.unref()
  }
  const tick = () => {
    if (stopped) return
    running = o.run().catch(o.onError).then(schedule)
  }
  return {
    start: () => {
      stopped = false
      tick()
    },
    stop: async () => {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
