/**
 * deploy/nginx.conf run for a test or a benchmark: a copy with this run's ports and paths (the
 * lines it rewrites are marked "cluster-test:" in the file, and each must be found), checked with
 * `nginx -t`, then started in the foreground under a work directory. Used by `npm run test:cluster`
 * (scripts/test-cluster.ts) and `npm run bench` (bench/run.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface NginxRun {
  /** A directory of its own: config, pid, logs, cache and temp files go here. */
  work: string
  /** Where nginx listens (127.0.0.1). */
  proxyPort: number
  /** The app instances behind it. */
  upstreamPorts: number[]
  /** Extra `location` blocks (nginx syntax) added to the server, e.g. a stub upstream or static files. */
  extraLocations?: string
}

export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0
}

/** deploy/nginx.conf with this run's ports and paths. */
export function nginxConfig({ work, proxyPort, upstreamPorts, extraLocations = '' }: NginxRun): string {
  let conf = fs.readFileSync(path.join(process.cwd(), 'deploy/nginx.conf'), 'utf8')
  const replace = (marker: RegExp, by: string | ((match: string, ...groups: string[]) => string)) => {
    const before = conf
    conf = typeof by === 'string' ? conf.replace(marker, by) : conf.replace(marker, by)
    if (conf === before) throw new Error(`deploy/nginx.conf: no line matches ${marker}`)
  }
  replace(/^user .*# cluster-test: user\n/m, '')
  replace(/^pid .*# cluster-test: pid$/m, `pid ${work}/nginx.pid;`)
  replace(/^error_log .*# cluster-test: error_log$/m, `error_log ${work}/nginx-error.log warn;`)
  replace(/^(\s*)access_log .*# cluster-test: access_log$/m, `$1access_log ${work}/nginx-access.log;`)
  replace(/^\s*server \S+ .*# cluster-test: upstream\n(\s*server .*# cluster-test: upstream\n)*/m, '')
  replace(/^(\s*)upstream skillsu_app \{\n/m, `$&${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;\n`).join('')}`)
  replace(/^(\s*)proxy_cache_path \S+ (.*)# cluster-test: cache_path$/m, `$1proxy_cache_path ${work}/cache $2`)
  replace(/^(\s*)listen .*# cluster-test: listen$/m, `$1listen 127.0.0.1:${proxyPort};`)
  replace(
    /^http \{\n/m,
    `$&${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${work}/${t}_temp;\n`).join('')}`,
  )
  replace(/^(\s*)# cluster-test: extra locations$/m, (_: string, indent: string) => extraLocations.split('\n').map((line) => `${indent}${line}`).join('\n'))
  return conf
}

/** Writes the config, checks it, and starts nginx in the foreground (stop it with SIGTERM). */
export function startNginx(run: NginxRun, conf = nginxConfig(run)): ChildProcess {
  const { work } = run
  const file = path.join(work, 'nginx.conf')
  fs.writeFileSync(file, conf)
  fs.mkdirSync(path.join(work, 'cache'), { recursive: true })
  // Workers may run as an unprivileged user when nginx starts as root.
  fs.chmodSync(work, 0o777)
  fs.chmodSync(path.join(work, 'cache'), 0o777)
  const errorLog = path.join(work, 'nginx-error.log')
  const test = spawnSync('nginx', ['-t', '-q', '-c', file, '-p', work, '-e', errorLog], { encoding: 'utf8' })
  if (test.status !== 0) throw new Error(`nginx -t refused the generated config:\n${test.stderr}`)
  return spawn('nginx', ['-c', file, '-p', work, '-e', errorLog, '-g', 'daemon off;'], { stdio: 'inherit' })
}
