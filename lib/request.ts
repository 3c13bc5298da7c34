import 'server-only'
import { headers } from 'next/headers'

/** Set by the server (scripts/start.ts) from the socket or a trusted proxy; a client's own value is dropped. */
export const clientIpHeader = 'x-skillsu-client-ip'

export async function clientIp(): Promise<string> {
  try {
    return (await headers()).get(clientIpHeader) ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
