import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reconnectBackoff, watchForSilence } from './connection-watchdog'

describe('watchForSilence', () => {
  // Echoes what it is sent, unless the message is "silence", which it never answers.
  const server = net.createServer((socket) => {
    socket.on('data', (chunk) => chunk.toString() !== 'silence' && socket.write(chunk))
    socket.on('error', () => {})
  })
  let port = 0
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as net.AddressInfo).port
  })
  afterAll(() => server.close())

  const connect = () => {
    const socket = net.connect(port, '127.0.0.1')
    socket.on('error', () => {})
    watchForSilence(socket, 300, 50)
    return socket
  }
  const closed = (socket: net.Socket) => new Promise<number>((resolve) => {
    const started = performance.now()
    socket.once('close', () => resolve(performance.now() - started))
  })

  it('drops a connection whose request gets no answer', async () => {
    const socket = connect()
    const done = closed(socket)
    socket.write('silence')
    expect(await done).toBeLessThan(1000)
  })

  it('keeps a connection that answers, and one that is only idle', async () => {
    const socket = connect()
    for (let i = 0; i < 4; i++) {
      socket.write(`ping ${i}`)
      await new Promise((r) => setTimeout(r, 150))
    }
    await new Promise((r) => setTimeout(r, 500))
    expect(socket.destroyed).toBe(false)
    socket.destroy()
  })
})

describe('reconnectBackoff', () => {
  it('starts small and never waits more than a second, however long the outage', () => {
    expect(reconnectBackoff(0)).toBeLessThan(0.06)
    for (const retries of [1, 5, 20, 100]) expect(reconnectBackoff(retries)).toBeLessThanOrEqual(1)
  })
})
