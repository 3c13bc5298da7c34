import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory; bundled, it cannot find them.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Pages and data are rendered from the database on first request and cached in memory only:
    // a cache written under .next/ would outlive the data it came from (a reset, a restore, a
    // fresh test database) and serve it after a restart. Several instances share Redis instead.
    isrFlushToDisk: false,
  },
}

export default nextConfig
