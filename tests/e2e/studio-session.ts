// For Studio end-to-end tests: a lake serving the built Studio, an editor client, and a real Chromium signed in as the editor.
import { expect } from '@jest/globals'
import { createClient, type SanityClient } from '@sanity/client'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import sharp from 'sharp'
import { startLake, type Lake, type LakeOptions } from '../../lake/index.ts'
import { CHROMIUM_ARGS } from './site-support/browser.ts'
import { ensureStudioBuilt } from '../../scripts/studio-build.ts'

export type StudioSession = {
  lake: Lake
  /** The editor's client (write token, raw perspective) for seeding and checking. */
  editor: SanityClient
  /** A client without a token: what an anonymous reader of the API sees. */
  anonymous: SanityClient
  page: Page
  /** Saves a numbered screenshot under test-results/<name>/. */
  screenshot(step: string): Promise<void>
  /** Console errors the Studio logged (network noise of the offline machine left out). */
  consoleErrors: string[]
  /** Requests the lake refused (4xx/5xx), for failure reports. */
  refused: string[]
  /** Saves a failure screenshot, prints what the lake refused and the console errors, and rethrows. */
  failed(error: unknown): Promise<never>
  close(): Promise<void>
}

const WRITE_TOKEN = 'studio-session-e2e-write-token'

export async function openStudioSession(name: string, lakeOptions: Partial<LakeOptions> = {}): Promise<StudioSession> {
  const studioDir = await ensureStudioBuilt()
  const screenshots = path.resolve('test-results', name)
  await rm(screenshots, { recursive: true, force: true })
  await mkdir(screenshots, { recursive: true })
  const dataDir = await mkdtemp(path.join(tmpdir(), `parley-${name}-lake-`))
  const profileDir = await mkdtemp(path.join(tmpdir(), `parley-${name}-profile-`))
  const lake = await startLake({
    port: 0,
    tlsPort: 0,
    dataDir,
    studioDir,
    durability: 'normal',
    writeToken: WRITE_TOKEN,
    ...lakeOptions,
  })
  const client = (token?: string) =>
    createClient({
      projectId: 'parley',
      dataset: 'production',
      apiHost: lake.url,
      useProjectHostname: false,
      apiVersion: '2025-02-19',
      useCdn: false,
      token,
      ...(token ? { perspective: 'raw' as const } : {}),
    })

  // Signed in as the lake's editor with a minted session token, as the Studio keeps it after its own sign-in.
  const minted = await fetch(`${lake.url}/auth/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITE_TOKEN}` },
  })
  expect(minted.status).toBe(201)
  const { token } = (await minted.json()) as { token: string }
  const browser: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 1000 },
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  })
  await browser.addInitScript(
    (value) => window.localStorage.setItem('__studio_auth_token_parley', JSON.stringify({ token: value })),
    token,
  )
  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)
  const consoleErrors: string[] = []
  const refused: string[] = []
  page.on('console', (message) => {
    // React's unknown-prop warning comes from the Studio's own timeline components (flexGrow on a DOM element). The
    // browser reports refusing Sanity's two hard-coded calls out (lake/http/routes/studio.ts); any other refusal counts.
    if (
      message.type() === 'error' &&
      !/Failed to load resource|Failed to fetch version|WebSocket|manifest|React does not recognize the/.test(
        message.text(),
      ) &&
      !/^(Connecting to '|Fetch API cannot load )https:\/\/(sanity-cdn\.com\/v1\/modules\/|api\.sanity\.io\/vX\/intake\/feedback)/.test(
        message.text(),
      )
    )
      consoleErrors.push(message.text().slice(0, 300))
  })
  page.on('response', async (response) => {
    if (response.status() < 400 || !response.url().startsWith(lake.tlsUrl as string)) return
    const body = await response.text().catch(() => '')
    refused.push(
      `${response.status()} ${response.request().method()} ${decodeURIComponent(response.url()).slice(0, 300)} ${body.slice(0, 300)}`,
    )
  })
  let step = 0
  const screenshot = async (label: string) => {
    step += 1
    await page.screenshot({ path: path.join(screenshots, `${String(step).padStart(2, '0')}-${label}.png`) })
  }
  return {
    lake,
    editor: client(WRITE_TOKEN),
    anonymous: client(),
    page,
    consoleErrors,
    refused,
    screenshot,
    async failed(error) {
      await screenshot('failure')
      console.error(`Requests the lake refused:\n${refused.join('\n')}\n\nConsole errors:\n${consoleErrors.join('\n')}`)
      throw error
    },
    async close() {
      await browser.close()
      await lake.close()
      for (const dir of [dataDir, profileDir]) await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Uploads a generated 1600×900 cover (our own image) and returns the image field an interview stores. */
export async function uploadCover(editor: SanityClient, alt: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#1d3b8f"/><circle cx="1150" cy="420" r="220" fill="#f0a43a"/></svg>`
  const asset = await editor.assets.upload('image', await sharp(Buffer.from(svg)).png().toBuffer(), {
    filename: 'cover.png',
  })
  return { _type: 'image', asset: { _type: 'reference', _ref: asset._id }, alt }
}

/** Polls until `accept` holds for what `read` returns; fails naming what did not happen and the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (accept(value)) return value
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s; last seen: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
