import { afterEach, describe, expect, it, vi } from 'vitest'

// The job itself is tested against real databases (digest.db.test.ts); here only the loop around it.
const job = vi.hoisted(() => ({ active: 0, maxActive: 0, runs: 0, failNext: false, releaseAt: 30, signals: [] as (AbortSignal | undefined)[] }))
vi.mock('./digest', () => ({
  runDigests: async (options: { signal?: AbortSignal }) => {
    job.runs++
    job.active++
    job.maxActive = Math.max(job.maxActive, job.active)
    job.signals.push(options.signal)
    try {
      await new Promise((r) => setTimeout(r, job.releaseAt))
      if (job.failNext) {
        job.failNext = false
        throw new Error('database unavailable')
      }
      return { due: 0, sent: 0, empty: 0, skipped: 0, failed: 0, dryRun: false, plans: [] }
    } finally {
      job.active--
    }
  },
}))

import { startAlertScheduler } from './schedule'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('startAlertScheduler', () => {
  afterEach(() => {
    Object.assign(job, { active: 0, maxActive: 0, runs: 0, failNext: false, releaseAt: 30, signals: [] })
    vi.restoreAllMocks()
  })

  it('runs again and again, never two runs at once, even when a run outlasts the interval', async () => {
    job.releaseAt = 40
    const scheduler = startAlertScheduler({ intervalMs: 10 })
    await wait(300)
    await scheduler.stop()
    expect(job.runs).toBeGreaterThanOrEqual(3)
    expect(job.maxActive).toBe(1)
  })

  it('logs a failed run and keeps going', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    job.failNext = true
    const scheduler = startAlertScheduler({ intervalMs: 10 })
    await wait(200)
    await scheduler.stop()
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('digest run failed'), expect.any(Error))
    expect(job.runs).toBeGreaterThanOrEqual(2)
  })

  it('stop() waits for the run in progress, asks it to stop between candidates, and no run starts after', async () => {
    job.releaseAt = 80
    const scheduler = startAlertScheduler({ intervalMs: 10 })
    await wait(30) // the first run is under way
    expect(job.active).toBe(1)
    await scheduler.stop()
    expect(job.active).toBe(0)
    expect(job.signals[0]?.aborted).toBe(true)
    const runs = job.runs
    await wait(100)
    expect(job.runs).toBe(runs)
  })
})
