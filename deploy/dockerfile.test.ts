import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * No Docker engine runs here, so the Dockerfile is checked as text: the rules a linter (hadolint)
 * and a reviewer would apply, and that what the image runs is what CI runs. CI starts the very
 * command of the image's CMD (`node --import tsx scripts/start.ts --no-build`, Playwright's web
 * server) on the build, and checks its health endpoint, which the HEALTHCHECK calls.
 */
const root = path.resolve(__dirname, '..')
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
// Instructions, with continuation lines joined and comments dropped.
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
const stages = instructions.filter((line) => /^FROM\s/i.test(line))
const runtime = instructions.slice(instructions.lastIndexOf(stages.at(-1)!))

describe('Dockerfile', () => {
  it('builds in stages from a pinned Node 20 image, and only the runtime stage ships', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20[\w.-]*$/m)
    for (const stage of stages) expect(stage).toMatch(/^FROM \$\{NODE_IMAGE\} AS [a-z-]+$/)
    // No "latest", and nothing fetched from the network outside npm ci and apt.
    expect(dockerfile).not.toMatch(/:latest\b/)
    expect(dockerfile).not.toMatch(/\b(curl|wget)\b/)
  })

  it('installs from the lockfile, production dependencies only in the runtime', () => {
    const installs = instructions.filter((line) => /\bnpm (install|i|ci)\b/.test(line))
    expect(installs.length).toBeGreaterThan(0)
    for (const line of installs) expect(line).toMatch(/\bnpm ci\b/)
    expect(dockerfile).toMatch(/npm ci --omit=dev/)
    expect(runtime.some((line) => /COPY --from=prod-deps \/app\/node_modules/.test(line))).toBe(true)
  })

  it('apt installs pin nothing extra and clean up after themselves', () => {
    for (const line of instructions.filter((l) => /apt-get install/.test(l))) {
      expect(line).toMatch(/--no-install-recommends/)
      expect(line).toMatch(/-y\b/)
      expect(line).toMatch(/rm -rf \/var\/lib\/apt\/lists/)
    }
  })

  it('runs as a non-root user, with a health check on /api/health', () => {
    const users = runtime.filter((line) => /^USER\s/.test(line))
    expect(users.at(-1)).toMatch(/^USER (node|\d{3,})$/)
    expect(runtime.some((line) => /^HEALTHCHECK .*\/api\/health/.test(line))).toBe(true)
    expect(runtime.some((line) => /^EXPOSE 3000$/.test(line))).toBe(true)
  })

  it('starts the server CI runs (exec form), with its runtime as production dependencies', () => {
    const cmd = runtime.find((line) => /^CMD\s/.test(line))
    expect(cmd).toBe('CMD ["node", "--import", "tsx", "scripts/start.ts", "--no-build"]')
    const playwright = fs.readFileSync(path.join(root, 'playwright.config.ts'), 'utf8')
    expect(playwright).toContain("command: 'node --import tsx scripts/start.ts --no-build'")
    expect(fs.existsSync(path.join(root, 'scripts/start.ts'))).toBe(true)
    // tsx runs the server at run time, so it must be a production dependency.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(pkg.dependencies).toHaveProperty('tsx')
    expect(pkg.dependencies).toHaveProperty('next')
  })

  it('keeps secrets and local state out of the build context', () => {
    const ignore = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
    for (const entry of ['node_modules', '.next', '.data', '.env', '.env.*', '.git']) expect(ignore, entry).toContain(entry)
  })
})
