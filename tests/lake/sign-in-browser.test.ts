// In a real Chromium: a page served from the lake's HTTPS origin signs in through the lake's login page (refused with a wrong password, accepted with the right one) and talks to the lake over HTTP/2.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { startLake, type Lake } from '../../lake/index.ts'
import { CHROMIUM_ARGS } from '../e2e/site-support/browser.ts'

const CREDENTIAL = { email: 'editor@parley.test', password: 'browser-sign-in-password' }

/** Stands in for the built Studio: the same session-id exchange the Studio's auth store performs. */
const STUDIO_STAND_IN = `<!doctype html>
<html><head><meta charset="utf-8"><title>Studio stand-in</title></head>
<body>
<p id="who">signed out</p>
<a id="sign-in" href="#">Sign in</a>
<script>
  document.getElementById('sign-in').href = '/auth/login?origin=' + encodeURIComponent(location.origin + '/studio/') + '&projectId=parley&type=dual'
  const sid = /sid=([^&]{20,})/.exec(location.hash)?.[1]
  if (sid) {
    history.replaceState(null, '', location.pathname)
    fetch('/v2025-02-19/auth/fetch?sid=' + sid)
      .then((response) => response.json())
      .then(({ token }) => fetch('/v2025-02-19/users/me', { headers: { authorization: 'Bearer ' + token } }))
      .then((response) => response.json())
      .then((user) => { document.getElementById('who').textContent = user.name + ' <' + user.email + '>' })
  }
</script>
</body></html>`

let lake: Lake
let dataDir: string
let studioDir: string
let profileDir: string
let browser: BrowserContext

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-browser-lake-'))
  studioDir = await mkdtemp(path.join(tmpdir(), 'parley-browser-studio-'))
  profileDir = await mkdtemp(path.join(tmpdir(), 'parley-browser-profile-'))
  await writeFile(path.join(studioDir, 'index.html'), STUDIO_STAND_IN)
  lake = await startLake({
    port: 0,
    tlsPort: 0,
    dataDir,
    studioDir,
    durability: 'normal',
    editorCredential: CREDENTIAL,
  })
  // Playwright passes --user-data-dir itself for a persistent context (a fresh folder per run).
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    ignoreHTTPSErrors: true,
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await lake?.close()
  for (const dir of [dataDir, studioDir, profileDir]) await rm(dir, { recursive: true, force: true })
})

test('an editor signs in through the lake’s login page; a wrong password is refused first', async () => {
  const page = await browser.newPage()
  await page.goto(lake.studioUrl as string)
  expect(
    await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol,
    ),
  ).toBe('h2')
  await expect(page.locator('#who').textContent()).resolves.toBe('signed out')

  await page.click('#sign-in')
  await page.waitForURL(/\/auth\/login\?/)
  await page.fill('input[name=email]', CREDENTIAL.email)
  await page.fill('input[name=password]', 'not the password')
  await page.click('button[type=submit]')
  await expect(page.locator('[role=alert]').textContent()).resolves.toContain('do not match the editor credential')
  expect(new URL(page.url()).pathname).toBe('/auth/login')

  await page.fill('input[name=password]', CREDENTIAL.password)
  await page.click('button[type=submit]')
  await page.waitForURL(`${lake.studioUrl}**`)
  await page.waitForFunction(() => document.getElementById('who')?.textContent !== 'signed out')
  expect(await page.locator('#who').textContent()).toBe(`Parley editor <${CREDENTIAL.email}>`)
  expect(new URL(page.url()).hash).toBe('')
}, 60_000)
