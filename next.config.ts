import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory; bundled, it cannot find them.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
}

export default nextConfig
