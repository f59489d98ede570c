// `npm run newsletter -- list|export|remove <email>` as a person runs it, against a real lake: what is stored about an
// address, exported on request and erased with the log of what was sent to it.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { SanityClient } from '@sanity/client'
import { newsletterClients } from '../../lib/newsletter/clients.ts'
import { deliveryType, subscriberKey } from '../../lib/newsletter/records.ts'
import { startTestLake, writeToken, type TestLake } from '../site/support/test-lake.ts'
import { addConfirmedSubscribers } from './support/subscribers.ts'

const secret = 'cli-test-link-secret'
let lake: TestLake
let newsletter: SanityClient
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  lake = await startTestLake()
  env = {
    ...process.env,
    SANITY_API_HOST: lake.url,
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'parley',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    SANITY_API_WRITE_TOKEN: writeToken,
    NEWSLETTER_SECRET: secret,
  }
  newsletter = newsletterClients(env).newsletter
  await addConfirmedSubscribers(newsletter, secret, ['ada@example.com', 'grace@example.com'])
  await newsletter.create({
    _id: `delivery.interview-x.${subscriberKey(secret, 'ada@example.com')}`,
    _type: deliveryType,
    interviewId: 'interview-x',
    subscriber: subscriberKey(secret, 'ada@example.com'),
    status: 'sent',
    attempts: 1,
    nextAttemptAt: new Date().toISOString(),
  })
})

afterAll(async () => {
  await lake?.close()
})

const cli = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['scripts/newsletter.ts', ...args], { env }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  )

test('lists, exports and removes a subscriber on request', async () => {
  const list = await cli('list')
  expect(list.stdout).toMatch(/confirmed .*ada@example\.com/)
  expect(list.stdout).toContain('grace@example.com')

  const exported = JSON.parse((await cli('export', 'ADA@example.com ')).stdout)
  expect(exported.subscriber).toMatchObject({ email: 'ada@example.com', status: 'confirmed' })
  expect(exported.deliveries).toEqual([expect.objectContaining({ interviewId: 'interview-x', status: 'sent' })])

  const removed = await cli('remove', 'ada@example.com')
  expect(removed.stdout).toContain('Removed ada@example.com: 2 document(s)')
  expect((await cli('list')).stdout).not.toContain('ada@example.com')
  const again = await cli('remove', 'ada@example.com')
  expect('code' in again && again.code).toBe(1)
  expect(again.stderr).toContain('nothing is stored about ada@example.com')
  expect(await newsletter.fetch('count(*[_type == $t])', { t: deliveryType })).toBe(0)

  const wrong = await cli('remove', 'not-an-address')
  expect(wrong.stderr).toContain('"not-an-address" is not an email address')
})
