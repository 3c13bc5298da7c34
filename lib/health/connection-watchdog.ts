import net from 'node:net'

/**
 * What postgres.js hands its `socket` option: the parsed hosts and ports (or a unix socket path)
 * and whether TLS follows.
 */
interface SocketOptions {
  host: string[]
  port: number[]
  path?: string | false
  ssl?: unknown
}

/**
 * Destroys a connection that sent PostgreSQL something and heard nothing back for `limitMs`.
 * statement_timeout makes a live server answer within its limit, and connect_timeout covers the
 * handshake, but a server or network that goes silent mid-query (a black-holed route, a frozen
 * host) would otherwise hold the query, and the request behind it, until the kernel gives up on
 * TCP, many minutes later. Destroying the socket fails the query and frees the pool slot.
 */
export function watchForSilence(socket: net.Socket, limitMs: number, checkEveryMs = Math.min(1000, limitMs / 4)) {
  let answeredUpTo = 0
  let waitingSince: number | undefined
  const check = setInterval(() => {
    if (socket.bytesWritten <= answeredUpTo) return
    waitingSince ??= Date.now()
    if (Date.now() - waitingSince >= limitMs) {
      clearInterval(check)
      socket.destroy(new Error(`PostgreSQL sent nothing for ${limitMs} ms: connection dropped`))
    }
  }, checkEveryMs)
  check.unref()
  socket.on('data', () => {
    answeredUpTo = socket.bytesWritten
    waitingSince = undefined
  })
  socket.once('close', () => clearInterval(check))
}

/**
 * A postgres.js `socket` option: the same TCP connection postgres.js would open (hosts taken in
 * turn), watched for silence. TLS connections are left unwatched: postgres.js moves them to a
 * TLS socket of its own, out of reach.
 */
export function watchedSocket(limitMs: number) {
  let next = 0
  return (options: SocketOptions): net.Socket => {
    const socket = new net.Socket() as net.Socket & { host?: string; port?: number }
    if (options.path) {
      socket.connect(options.path)
    } else {
      const i = next++ % options.host.length
      // postgres.js reads these for TLS server names and error messages.
      socket.host = options.host[i]
      socket.port = options.port[i] ?? options.port[0] ?? 5432
      socket.connect(socket.port, socket.host ?? 'localhost')
    }
    if (!options.ssl) watchForSilence(socket, limitMs)
    return socket
  }
}

/**
 * Seconds before a connection that failed tries again. postgres.js's default grows to 20 s after
 * a few failures, so an app would keep failing that long after the database came back; capped at
 * one second, it serves again within a second or so.
 */
export function reconnectBackoff(retries: number) {
  return Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2)
}
