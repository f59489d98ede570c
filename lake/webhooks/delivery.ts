// One webhook attempt with a timeout, and the retry rules around it: which answers are worth retrying (429, 5xx, network errors) and how long to back off.

export type RetryPolicy = {
  /** Total attempts, the first included. */
  attempts: number
  /** Delay before the first retry; doubled each time, with ±20 % jitter. */
  initialDelayMs: number
  maxDelayMs: number
  /** A target that has not answered by then counts as a failed attempt. */
  timeoutMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
}

export type AttemptResult = {
  attempt: number
  startedAt: string
  durationMs: number
  statusCode: number | null
  error: string | null
}

export type DeliveryRequest = { url: string; headers: Record<string, string>; body: string }

/** 429 and 5xx may succeed later; other 4xx mean the target refused this request for good. */
export function isRetryable(result: AttemptResult): boolean {
  if (result.statusCode === null) return true
  return result.statusCode === 429 || result.statusCode >= 500
}

export function retryDelayMs(policy: RetryPolicy, retryNumber: number, random: () => number = Math.random): number {
  const base = Math.min(policy.initialDelayMs * 2 ** (retryNumber - 1), policy.maxDelayMs)
  return Math.round(base * (0.8 + 0.4 * random()))
}

export async function attemptOnce(
  request: DeliveryRequest,
  attempt: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const startedAt = new Date()
  const started = performance.now()
  const timeout = AbortSignal.timeout(timeoutMs)
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    })
    // Drain the body so the connection is released; its content does not matter.
    await response.arrayBuffer().catch(() => undefined)
    const ok = response.status >= 200 && response.status < 300
    return {
      attempt,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      statusCode: response.status,
      error: ok ? null : `target answered ${response.status} ${response.statusText}`.trim(),
    }
  } catch (error) {
    const timedOut = timeout.aborted
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return {
      attempt,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      statusCode: null,
      error: timedOut
        ? `no answer within ${timeoutMs} ms`
        : `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    }
  }
}
