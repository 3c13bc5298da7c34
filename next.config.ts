import type { NextConfig } from 'next'
import { catalogueParamKeys } from './lib/roles/catalogue'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory; bundled, it cannot find
  // them. rate-limiter-flexible imports drizzle-orm by a computed name, which bundling breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // Lets a second build live beside the first (parallel test runs); the app itself never sets it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  async rewrites() {
    return {
      beforeFiles: [
        // The plain catalogue is served from the cache; any search or filter renders per request.
        {
          source: '/roles',
          missing: catalogueParamKeys.map((key) => ({ type: 'query' as const, key })),
          destination: '/roles/browse/all',
        },
      ],
    }
  },
  reactStrictMode: true,
  experimental: {
    // Pages and data are rendered from the database on first request and cached in memory only:
    // a cache written under .next/ would outlive the data it came from (a reset, a restore, a
    // fresh test database) and serve it after a restart. Several instances share Redis instead.
    isrFlushToDisk: false,
    // The largest real upload is a 2 MB partner logo; a form around it fits in 3 MB.
    serverActions: { bodySizeLimit: '6mb' },
    // forbidden() answers a real 403 (candidates and trainers who open /admin).
    authInterrupts: true,
  },
}

export default nextConfig
