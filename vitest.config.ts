import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; tests run the data layer directly.
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
      // No Next server in unit tests: cached reads run directly and refreshed tags are recorded.
      'next/cache': path.resolve(import.meta.dirname, 'test/next-cache-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', '.next-*/**', 'e2e/**', '.data/**'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two workers keep the machine responsive while PGlite instances start.
    maxWorkers: 2,
  },
})
