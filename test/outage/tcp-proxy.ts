import net from 'node:net'

/**
 * A TCP proxy the outage tests cut and restore, standing between the app and PostgreSQL:
 * - `forward`: passes bytes both ways;
 * - `refuse`: closes every connection and stops listening (the database is stopped);
 * - `blackhole`: closes every connection, then accepts new ones and never answers (a dropped route);
 * - `stall`: keeps every connection open but passes nothing either way (a frozen host or network);
 *   bytes held back are delivered when it forwards again, as TCP would after a partition heals.
 */
export type ProxyMode = 'forward' | 'refuse' | 'blackhole' | 'stall'

export async function startTcpProxy(targetHost: string, targetPort: number) {
  let mode: ProxyMode = 'forward'
  const pairs = new Set<{ client: net.Socket; server: net.Socket; held: [net.Socket, Buffer][] }>()

  const accepted = new Set<net.Socket>()

  const server = net.createServer((client) => {
    client.on('error', () => {})
    accepted.add(client)
    client.once('close', () => accepted.delete(client))
    // Accepted and never answered: a black hole (stall treats new connections the same way).
    if (mode !== 'forward') return
    const upstream = net.connect(targetPort, targetHost)
    upstream.on('error', () => {})
    const pair = { client, server: upstream, held: [] as [net.Socket, Buffer][] }
    pairs.add(pair)
    const relay = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => (mode === 'forward' ? to.write(chunk) : pair.held.push([to, chunk])))
    relay(client, upstream)
    relay(upstream, client)
    const close = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.once('close', close)
    upstream.once('close', close)
  })

  const listen = (port = 0) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  await listen()
  const port = (server.address() as net.AddressInfo).port
  const dropAll = () => {
    for (const pair of pairs) {
      pair.client.destroy()
      pair.server.destroy()
    }
    pairs.clear()
    for (const socket of accepted) socket.destroy()
  }

  return {
    port,
    get mode() {
      return mode
    },
    async set(next: ProxyMode) {
      const previous = mode
      mode = next
      if (next === 'refuse' || next === 'blackhole') dropAll()
      if (next === 'refuse' && server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
      if (next !== 'refuse' && !server.listening) await listen(port)
      if (next === 'forward' && previous === 'stall') {
        for (const pair of pairs) for (const [to, chunk] of pair.held.splice(0)) to.write(chunk)
      }
    },
    async close() {
      dropAll()
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
