// The newsletter through the production build: a reader subscribes with the form on the home page in Chromium (no
// JavaScript needed), confirms from the emailed link, receives the next interview that goes live (the lake's webhook to
// the site's route, sent by `next start`), and unsubscribes from the email's link. axe checks every page on the way.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { newsletterWebhook } from '../../lib/newsletter/published-webhook.ts'
import { writeToken } from '../site/support/test-lake.ts'
import { sample } from '../site/support/sample-content.ts'
import { startSmtpSink, linkIn, type SmtpSink } from '../newsletter/support/smtp-sink.ts'
import { draftInterview, publish } from '../newsletter/support/interviews.ts'
import { launchChromium } from './site-support/browser.ts'
import { startSiteUnderTest, type SiteUnderTest } from './site-support/site-under-test.ts'

let smtp: SmtpSink
let site: SiteUnderTest
let chromium: Awaited<ReturnType<typeof launchChromium>>
let axeContext: BrowserContext

beforeAll(async () => {
  smtp = await startSmtpSink()
  site = await startSiteUnderTest({
    env: {
      SANITY_API_WRITE_TOKEN: writeToken,
      NEWSLETTER_SECRET: 'e2e-newsletter-secret',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Parley <news@parley.test>',
    },
    webhooks: (url, secret) => [newsletterWebhook(url, secret)],
  })
  // As `npm start` does for its lake (and an operator once on hosted Sanity): the subscribers' own dataset, private.
  // The seeded interviews' webhooks may already have written to it (a write creates a dataset), so it is made private
  // whether it is new or not.
  await site.lake.editor.datasets
    .create('newsletter', { aclMode: 'private' })
    .catch(async (error: { statusCode?: number }) => {
      if (error.statusCode !== 409) throw error
      await site.lake.editor.datasets.edit('newsletter', { aclMode: 'private' })
    })
  chromium = await launchChromium()
  axeContext = await chromium.browser.newContext()
}, 400_000)

afterAll(async () => {
  if (process.env.PARLEY_E2E_DEBUG) console.log(site?.nextOutput())
  await chromium?.close()
  await site?.stop()
  await smtp?.close()
})

/** axe needs JavaScript, so it checks a copy of what the JavaScript-free page shows, in a page that runs scripts. */
async function expectAccessible(shown: Page, where: string): Promise<void> {
  const page = await axeContext.newPage()
  if (shown.url().startsWith(site.url) && !shown.url().includes('/api/')) await page.goto(shown.url())
  else await page.setContent(await shown.content())
  const results = await new AxeBuilder({ page }).analyze()
  await page.close()
  expect([
    where,
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ]).toEqual([where, []])
}

test('a reader subscribes from the home page without JavaScript, confirms, gets the next interview and unsubscribes', async () => {
  const context = await chromium.browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(`${site.url}/`)
  const form = page.locator('form[action="/api/newsletter"]')
  await expectAccessible(page, 'home page with the form')
  await form.getByLabel('Email address').fill('reader@example.com')
  await form.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.locator('h1').textContent()).resolves.toBe('Check your inbox')
  await expectAccessible(page, 'subscribe answer')

  const [confirmation] = await smtp.waitFor(1)
  expect(confirmation!.to).toBe('reader@example.com')
  await page.goto(linkIn(confirmation!, `${site.url}/api/newsletter/confirm`))
  await expect(page.locator('h1').textContent()).resolves.toBe('You are subscribed')
  await expectAccessible(page, 'confirmation answer')

  // The interview page carries the same form.
  await page.goto(`${site.url}/interviews/${sample.interviewSlug}`)
  expect(await page.locator('form[action="/api/newsletter"] input[type="email"][name="email"]').count()).toBe(1)

  const interview = await draftInterview(site.lake.editor, 'Cobalt')
  await publish(site.lake.editor, interview.id)
  const [mail] = await smtp.waitFor(1, 30_000, (m) => m.subject === interview.title)
  expect(mail!.to).toBe('reader@example.com')
  expect(mail!.text).toContain(`${site.url}/interviews/${interview.slug}`)
  expect(mail!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)

  await page.goto(linkIn(mail!, `${site.url}/api/newsletter/unsubscribe`))
  await expectAccessible(page, 'unsubscribe question')
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.locator('h1').textContent()).resolves.toBe('You are unsubscribed')

  // An invalid address gets the form back with the reason, as a 400.
  const invalid = await page.request.post(`${site.url}/api/newsletter`, { form: { email: 'nobody' } })
  expect(invalid.status()).toBe(400)
  await page.setContent(await invalid.text())
  await expectAccessible(page, 'invalid address answer')
  await context.close()

  const later = await draftInterview(site.lake.editor, 'Nickel')
  await publish(site.lake.editor, later.id)
  await new Promise((r) => setTimeout(r, 2000))
  expect(smtp.messages.filter((m) => m.subject === later.title)).toHaveLength(0)
}, 180_000)
