// Runs wrk against one URL and reads its requests/s and latency figures.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** `serverCpuMsPerRequest`: CPU time the server's processes spent per request, which other load on the machine barely moves. */
export type WrkResult = {
  url: string
  requests: number
  requestsPerSecond: number
  latencyAvgMs: number
  latencyP99Ms: number
  non2xx: number
  serverCpuMsPerRequest?: number
}

/**
 * User + system CPU of a process and its children so far (nginx's workers are its master's), in milliseconds
 * (Linux /proc, clock ticks of 10 ms).
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
  return (Number(fields[11]) + Number(fields[12])) * 10 + children.reduce((sum, child) => sum + cpuMs(child), 0)
}

function toMs(value: string): number {
  const match = value.match(/^([\d.]+)(us|ms|s)$/)
  if (!match) return Number.NaN
  const number = Number(match[1])
  return match[2] === 'us' ? number / 1000 : match[2] === 's' ? number * 1000 : number
}

/** `acceptEncoding`: sent as Accept-Encoding (wrk sends none by default, so servers answer uncompressed). */
export function runWrk(
  url: string,
  options: { seconds: number; connections: number; threads: number; serverPid?: number; acceptEncoding?: string },
): Promise<WrkResult> {
  const cpuBefore = options.serverPid ? cpuMs(options.serverPid) : 0
  return new Promise((resolve, reject) => {
    const child = spawn(
      'wrk',
      [
        `-t${options.threads}`,
        `-c${options.connections}`,
        `-d${options.seconds}s`,
        '--latency',
        ...(options.acceptEncoding ? ['-H', `Accept-Encoding: ${options.acceptEncoding}`] : []),
        url,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.once('error', (error) => reject(new Error(`wrk could not run (apt-get install -y wrk): ${error.message}`)))
    child.once('exit', () => {
      const rps = output.match(/Requests\/sec:\s+([\d.]+)/)
      const avg = output.match(/Latency\s+([\d.]+\w+)/)
      const p99 = output.match(/99%\s+([\d.]+\w+)/)
      const non2xx = output.match(/Non-2xx or 3xx responses:\s+(\d+)/)
      const requests = output.match(/(\d+) requests in/)
      if (!rps || !avg || !p99 || !requests) return reject(new Error(`could not read wrk's output:\n${output}`))
      const count = Number(requests[1])
      resolve({
        url,
        requests: count,
        requestsPerSecond: Number(rps[1]),
        latencyAvgMs: toMs(avg[1]!),
        latencyP99Ms: toMs(p99[1]!),
        non2xx: non2xx ? Number(non2xx[1]) : 0,
        ...(options.serverPid ? { serverCpuMsPerRequest: (cpuMs(options.serverPid) - cpuBefore) / count } : {}),
      })
    })
  })
}
