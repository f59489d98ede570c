// The subscribe limit across several site instances: counted once in a real Redis, so a client flooding through a
// proxy that spreads its requests gets one allowance; with Redis down each instance still limits in its own memory.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { clientLimit, type ClientLimit } from '../../lib/newsletter/client-limit.ts'
import { freePort } from '../../scripts/cluster/ports.ts'
import { startRedis, type RunningRedis } from '../../scripts/cluster/redis.ts'

let redis: RunningRedis
let instances: ClientLimit[]
const logged: string[] = []

beforeAll(async () => {
  redis = await startRedis({ port: await freePort(), onLine: () => {} })
  instances = [1, 2].map(() => clientLimit(3, 600, { redisUrl: redis.url, log: (line) => logged.push(line) }))
}, 30_000)

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()))
  await redis.stop()
})

const allowed = async (instance: ClientLimit, client: string) => (await instance.consume(client)).allowed

test('one client gets one allowance however its requests are spread over the instances', async () => {
  const answers = []
  for (let n = 0; n < 6; n++) answers.push(await allowed(instances[n % 2]!, '203.0.113.7'))
  expect(answers).toEqual([true, true, true, false, false, false])
  const refused = await instances[1]!.consume('203.0.113.7')
  expect(refused.allowed === false && refused.retryAfterSeconds > 590).toBe(true)
  // Another client has its own allowance.
  expect(await allowed(instances[0]!, '203.0.113.8')).toBe(true)
})

test('instances just started count their first requests in Redis too, not each in its own memory', async () => {
  const fresh = [1, 2].map(() => clientLimit(3, 600, { redisUrl: redis.url, log: (line) => logged.push(line) }))
  try {
    const answers = []
    for (let n = 0; n < 4; n++) answers.push(await allowed(fresh[n % 2]!, '192.0.2.50'))
    expect(answers).toEqual([true, true, true, false])
  } finally {
    await Promise.all(fresh.map((instance) => instance.close()))
  }
})

test('with Redis down each instance still limits in its own memory and says so; back, the count is shared again', async () => {
  await redis.stop()
  const during = []
  for (let n = 0; n < 4; n++) during.push(await allowed(instances[0]!, '198.51.100.1'))
  expect(during).toEqual([true, true, true, false])
  expect(logged.some((line) => line.includes('unreachable'))).toBe(true)

  await redis.start()
  const started = Date.now()
  while (!logged.some((line) => line.includes('is back')) && Date.now() - started < 10_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
  const after = []
  for (let n = 0; n < 4; n++) after.push(await allowed(instances[n % 2]!, '198.51.100.2'))
  expect(after).toEqual([true, true, true, false])
}, 30_000)
