import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const settings = vi.hoisted(() => ({ disabled: false, phase: undefined as string | undefined }))
const started = vi.hoisted(() => ({ sender: 0, alerts: 0 }))

vi.mock('@/lib/env', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/env')>()
  return {
    ...real,
    get env() {
      return { ...real.env, OUTBOX_DISABLED: settings.disabled, NEXT_PHASE: settings.phase }
    },
  }
})
vi.mock('@/lib/email/sender', () => ({
  startOutboxSender: () => {
    started.sender++
    return { owner: 'test', stop: async () => {} }
  },
}))
vi.mock('@/lib/alerts/schedule', () => ({
  startAlertScheduler: () => {
    started.alerts++
    return { stop: async () => {} }
  },
}))

import { stopBackgroundJobs } from '@/lib/email/background'
import { register } from './instrumentation'

describe('instrumentation register()', () => {
  beforeEach(() => {
    settings.disabled = false
    settings.phase = undefined
    started.sender = 0
    started.alerts = 0
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await stopBackgroundJobs()
  })

  it('starts the outbox sender and the alert scheduler in the Node.js runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs')
    await register()
    expect(started).toEqual({ sender: 1, alerts: 1 })
  })

  it('starts nothing in the edge runtime, during the build, or with OUTBOX_DISABLED', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'edge')
    await register()
    vi.stubEnv('NEXT_RUNTIME', 'nodejs')
    settings.phase = 'phase-production-build'
    await register()
    settings.phase = undefined
    settings.disabled = true
    await register()
    expect(started).toEqual({ sender: 0, alerts: 0 })
  })
})
