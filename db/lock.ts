import fs from 'node:fs'
import path from 'node:path'

/**
 * PGlite takes no lock on its data directory and a second process opening it corrupts it, so the
 * process that opens it writes its pid next to it and every other process refuses while it lives.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dir} is in use by process ${pid} (a running \`npm start\`?). ` +
        'Stop that process first, or set DATABASE_URL to use a PostgreSQL server, which allows several processes.',
    )
    this.name = 'DatabaseLockedError'
  }
}

export function lockPathFor(dir: string) {
  return `${path.resolve(dir)}.lock`
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid holding the lock, if a live process other than this one holds it. */
export function lockHolder(dir: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPathFor(dir), 'utf8'), 10)
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) return pid
  } catch {
    // no lock file
  }
  return undefined
}

export function acquireLock(dir: string): () => void {
  const file = lockPathFor(dir)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      let released = false
      const release = () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file)
        } catch {
          // already gone
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = lockHolder(dir)
      if (holder !== undefined) throw new DatabaseLockedError(dir, holder)
      const current = fs.readFileSync(file, 'utf8')
      if (current === String(process.pid)) return () => {}
      // A stale lock from a process that died: remove it and try again.
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${file}`)
}
