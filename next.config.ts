import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { NextConfig } from 'next'
import { catalogueParamKeys } from './lib/roles/catalogue'
import { baseSecurityHeaders, publicContentSecurityPolicy, publicPathSource } from './lib/security/csp'

// This file is loaded by `next build`, which has no production secret, so it cannot import lib/env
// (which refuses to load without one) and reads the site's address itself, with lib/env's default.
// The server validates SITE_URL through lib/env when it starts.
const siteUrl = new URL(process.env.SITE_URL || 'http://localhost:3000')
const dev = process.env.NODE_ENV === 'development'

// The operations page shows what is running: package.json's version and the git commit built
// (SKILLSU_BUILD_COMMIT when the build has no .git, e.g. a container build; else 'unknown').
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    return 'unknown'
  }
}
const buildEnv = {
  SKILLSU_BUILD_VERSION: (JSON.parse(readFileSync('package.json', 'utf8')) as { version?: string }).version ?? 'unknown',
  SKILLSU_BUILD_COMMIT: process.env.SKILLSU_BUILD_COMMIT || gitCommit(),
}

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory; bundled, it cannot find
  // them. rate-limiter-flexible imports drizzle-orm by a computed name, which bundling breaks.
  // ioredis (the rate limits' Redis client) stays external beside it, loaded from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'ioredis'],
  poweredByHeader: false,
  // No ETag on pages: Next computes it with a JavaScript hash over the whole HTML of every response,
  // cache hits included. Profiled on the role page (`npm run bench`), that hash was the largest
  // single cost of serving a cached page (about a quarter of the CPU). Pages carry s-maxage for the
  // proxy cache in front (deploy/nginx.conf) and a CDN; browsers re-fetch them gzipped (about 20 kB).
  // The build's static files keep their long immutable caching.
  generateEtags: false,
  env: buildEnv,
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
  // Every response, static files included. The public pages' policy is fixed here (it becomes part
  // of the build's routes manifest); personal pages get a per-request nonce policy from proxy.ts,
  // and Strict-Transport-Security is set there too, at run time, from SITE_URL.
  async headers() {
    return [
      { source: '/:path*', headers: baseSecurityHeaders },
      {
        source: publicPathSource,
        headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy({ dev, https: siteUrl.protocol === 'https:' }) }],
      },
    ]
  },
  reactStrictMode: true,
  experimental: {
    // Pages and data are rendered from the database on first request and cached in memory only:
    // a cache written under .next/ would outlive the data it came from (a reset, a restore, a
    // fresh test database) and serve it after a restart. Several instances share Redis instead.
    isrFlushToDisk: false,
    // Actions are CSRF-checked by Next (Origin must equal Host); the site's own public host is the
    // only other origin allowed (a reverse proxy may pass a different Host). proxy.ts refuses a
    // foreign Origin earlier, with a 403.
    // The largest real upload is a 5 MB CV; a form around it fits in 6 MB (proxy.ts refuses more with a 413).
    serverActions: { bodySizeLimit: '6mb', allowedOrigins: [siteUrl.host] },
    // The scripts Next bootstraps each page with carry integrity hashes (Turbopack builds support
    // it; a page's client-component chunks do not get them yet): see SECURITY.md.
    sri: { algorithm: 'sha256' },
    // forbidden() answers a real 403 (candidates and trainers who open /admin).
    authInterrupts: true,
  },
}

/**
 * With REDIS_URL, every instance keeps Next's cache (pages and `unstable_cache` data) in one Redis,
 * so a publish on one instance refreshes the pages of all (lib/cache/redis-cache-handler.ts). Only
 * the serving process loads the handler, with import() at run time, under the tsx loader that
 * scripts/start.ts runs in; `next build` keeps the default cache and never touches Redis.
 */
export default function config(phase: string): NextConfig {
  if (phase !== 'phase-production-server' || !process.env.REDIS_URL) return nextConfig
  return { ...nextConfig, cacheHandler: `${process.cwd()}/lib/cache/redis-cache-handler.ts`, cacheMaxMemorySize: 0 }
}
