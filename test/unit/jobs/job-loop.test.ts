/**
 * A graceful stop of the timed job loop: `stop` resolves only after the run under way has
 * finished, and no run starts afterwards — also when the stop comes while the loop is asking
 * when the next run is due.
 */
import { expect, it } from 'vitest'
import { startJobLoop } from '../../../src/jobs/job-loop.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('waits for the run in hand to finish, then starts no other', async () => {
  const runs: { started: number; finished: boolean }[] = []
  const loop = startJobLoop({
    run: async () => {
      const run = { started: Date.now(), finished: false }
      runs.push(run)
      await sleep(200)
      run.finished = true
    },
    nextAt: async () => new Date(Date.now() - 1).toISOString(), // always due: the next run comes as soon as allowed
    onError: (error) => {
      throw error
    },
    now: () => new Date(),
    intervalMs: 10,
  })
  loop.start()
  await sleep(50)
  await loop.stop()
  expect(runs).toHaveLength(1)
  expect(runs[0]!.finished).toBe(true)
  await sleep(1300)
  expect(runs).toHaveLength(1)
})

it('starts no run after a stop that came while it asked for the next due time', async () => {
  let runs = 0
  let asking: () => void = () => undefined
  const loop = startJobLoop({
    run: async () => {
      runs += 1
    },
    nextAt: () =>
      new Promise<string | undefined>((resolve) => {
        asking = () => resolve(undefined)
      }),
    onError: () => undefined,
    now: () => new Date(),
    intervalMs: 10,
  })
  loop.start()
  await sleep(20) // the first run is done; the loop now waits for nextAt
  const stopped = loop.stop()
  asking()
  await stopped
  await sleep(100)
  expect(runs).toBe(1)
})
