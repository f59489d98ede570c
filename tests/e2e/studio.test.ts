// In a real Chromium, the built Studio served by a real lake: sign in, write an interview with a new speaker, three Q&A blocks and a cover image, be stopped by the alt-text rule, publish, and find it published for anonymous readers.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createClient } from '@sanity/client'
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import sharp from 'sharp'
import { startLake, type Lake } from '../../lake/index.ts'
import { ensureStudioBuilt } from '../../scripts/studio-build.ts'
import { CHROMIUM_ARGS } from './site-support/browser.ts'

const CREDENTIAL = { email: 'editor@parley.test', password: 'studio-e2e-password' }
const SCREENSHOTS = path.resolve('test-results/studio')
const WRITE_TOKEN = 'studio-e2e-write-token'
const READ_TOKEN = 'studio-e2e-read-token'
const TITLE = 'How the Lumen team rebuilt search in six weeks'
const SPEAKER = { name: 'Ada Okonkwo', role: 'Staff Engineer, Search' }
const QUESTIONS = [
  'What was wrong with the old search index?',
  'How did you decide what to build first?',
  'What would you tell a team starting the same migration?',
]

let lake: Lake
let dataDir: string
let profileDir: string
let browser: BrowserContext
let page: Page
let step = 0
const refusedRequests: string[] = []
const writes: string[] = []
const consoleErrors: string[] = []
const started = Date.now()

async function screenshot(name: string): Promise<void> {
  step += 1
  console.info(`${((Date.now() - started) / 1000).toFixed(1)} s: step ${step} ${name}`)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`) })
}

async function waitUntilEnabled(button: Locator): Promise<void> {
  await button.waitFor()
  for (let tries = 0; tries < 120 && (await button.isDisabled()); tries += 1) await page.waitForTimeout(250)
  expect(await button.isDisabled()).toBe(false)
}

/**
 * Clicks Publish and waits until the lake holds the published document. A click in the instant after
 * an edit, before the Studio has settled that edit's revision and validation, is dropped by the Studio
 * (an editor just clicks again), so the click is repeated after a pause if nothing was published.
 */
async function publish(button: Locator, title: string, type: string): Promise<{ _id: string }> {
  for (let attempt = 1; ; attempt += 1) {
    await page.waitForTimeout(1500)
    await waitUntilEnabled(button)
    await button.click()
    try {
      return await waitForPublished(title, type, 8_000)
    } catch (error) {
      if (attempt === 4) throw error
    }
  }
}

/** Polls the lake with the editor's credential until the published document exists (not only its draft). */
async function waitForPublished(title: string, type: string, timeoutMs = 30_000): Promise<{ _id: string }> {
  const editor = editorClient()
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await editor.fetch<{ _id: string } | null>(
      '*[_type == $type && (title == $title || name == $title) && !(_id in path("drafts.**"))][0]{_id}',
      { type, title },
      { perspective: 'raw' },
    )
    const draft = found ? await editor.getDocument(`drafts.${found._id}`) : undefined
    if (found && !draft) return found
    if (Date.now() > deadline) {
      const all = await editor.fetch('*[_type == $type]{_id, _rev, name, title}', { type }, { perspective: 'raw' })
      throw new Error(
        `"${title}" was not published within ${timeoutMs / 1000} s; ${type} documents: ${JSON.stringify(all)}`,
      )
    }
    await page.waitForTimeout(250)
  }
}

function editorClient() {
  return createClient({
    projectId: 'parley',
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token: WRITE_TOKEN,
  })
}

/** A 1600×900 cover, made here so the upload is a real image of our own. */
function coverImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d3b8f"/><stop offset="1" stop-color="#f0a43a"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/><circle cx="1150" cy="420" r="220" fill="#ffffff" fill-opacity="0.25"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

beforeAll(async () => {
  const studioDir = await ensureStudioBuilt()
  await rm(SCREENSHOTS, { recursive: true, force: true })
  await mkdir(SCREENSHOTS, { recursive: true })
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-lake-'))
  profileDir = await mkdtemp(path.join(tmpdir(), 'parley-studio-profile-'))
  lake = await startLake({
    port: 0,
    tlsPort: 0,
    dataDir,
    studioDir,
    durability: 'normal',
    editorCredential: CREDENTIAL,
    readToken: READ_TOKEN,
    writeToken: WRITE_TOKEN,
  })
  // Playwright passes --user-data-dir itself for a persistent context (a fresh folder per run).
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    ignoreHTTPSErrors: true,
    viewport: { width: 1440, height: 1000 },
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  })
  page = await browser.newPage()
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/data/'))
      writes.push(
        `${((Date.now() - started) / 1000).toFixed(1)}s POST ${request.url().replace(/^.*\/data\//, '')} ${(request.postData() ?? '').slice(0, 300)}`,
      )
  })
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(lake.tlsUrl as string))
      writes.push(
        `${((Date.now() - started) / 1000).toFixed(1)}s FAILED ${request.failure()?.errorText} ${decodeURIComponent(request.url()).slice(0, 250)}`,
      )
  })
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !/Failed to load resource|Failed to fetch version|WebSocket|manifest/.test(message.text())
    )
      consoleErrors.push(message.text().slice(0, 300))
  })
  // Kept for the failure report: what the Studio asked of the lake that the lake refused.
  page.on('response', async (response) => {
    if (response.status() < 400 || !response.url().startsWith(lake.tlsUrl as string)) return
    const body = await response.text().catch(() => '')
    refusedRequests.push(
      `${response.status()} ${response.request().method()} ${decodeURIComponent(response.url()).slice(0, 300)} ${body.slice(0, 300)}`,
    )
  })
  // Generous: on a 2-core CI runner shared with other suites, opening a new document has taken ~30 s.
  page.setDefaultTimeout(60_000)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await lake?.close()
  for (const dir of [dataDir, profileDir]) if (dir) await rm(dir, { recursive: true, force: true })
})

test('an editor signs in, writes an interview, is held back by missing alt text, publishes, and readers can query it', async () => {
  try {
    await editInterviewFromSignInToPublish()
  } catch (error) {
    await screenshot('failure')
    await writeFile(path.join(SCREENSHOTS, 'failure.html'), await page.content())
    console.error(
      `Requests the lake refused during the test:\n${refusedRequests.join('\n')}\n\nWrites:\n${writes.join('\n')}\n\nConsole errors:\n${consoleErrors.join('\n')}`,
    )
    throw error
  }
}, 480_000)

async function editInterviewFromSignInToPublish(): Promise<void> {
  // 1. Sign in through the lake's login page (the Studio's only provider, so it redirects there at once).
  await page.goto(lake.studioUrl as string)
  await page.waitForURL(/\/auth\/login/)
  await page.fill('#email', CREDENTIAL.email)
  await page.fill('#password', CREDENTIAL.password)
  await screenshot('login-page')
  await page.click('button[type=submit]')
  await page.waitForURL(/\/studio\//)
  await page.getByText('Interviews', { exact: true }).first().waitFor()
  await screenshot('signed-in')

  // 2. A new interview, all field groups shown at once.
  await page.goto(`${lake.tlsUrl}/studio/intent/create/template=interview;type=interview/`)
  await page.locator('[data-testid="field-title"] input').waitFor()
  await page.click('[data-testid="group-tab-all-fields"]')
  await page.fill('[data-testid="field-title"] input', TITLE)
  await page.locator('[data-testid="field-slug"]').getByRole('button', { name: 'Generate' }).click()
  await page.fill(
    '[data-testid="field-standfirst"] textarea',
    'Ada Okonkwo on replacing a search index while the site stayed up, and why the first week went into measuring.',
  )

  // 3. Three questions and answers.
  for (const [index, question] of QUESTIONS.entries()) {
    await page.click('[data-testid="field-qa"] [data-testid="add-single-object-button"]')
    const dialog = page.locator('[data-testid="nested-object-dialog"]')
    await dialog.locator('[data-testid$=".question"] textarea').fill(question)
    const answer = dialog.locator('[data-testid="pt-editor"] [contenteditable="true"]')
    await answer.click()
    await page.keyboard.type(`Answer ${index + 1}: we measured first, then changed one thing at a time.`)
    if (index === 0) await screenshot('first-qa-block')
    await dialog.locator('[data-testid$=".question"] textarea').click()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }
  await page.waitForTimeout(1500)
  await screenshot('three-qa-blocks')

  // 4. A new speaker, created from the reference field and published.
  await page.click('[data-testid="create-new-document-select-speaker-selectTypeMenuButton"]')
  const personPane = page
    .locator('[data-testid="document-pane"]')
    .filter({ has: page.locator('[data-testid="field-role"]') })
  await personPane.locator('[data-testid="field-name"] input').fill(SPEAKER.name)
  await personPane.locator('[data-testid="field-slug"]').getByRole('button', { name: 'Generate' }).click()
  await personPane.locator('[data-testid="field-role"] input').fill(SPEAKER.role)
  await screenshot('new-speaker')
  await publish(personPane.locator('[data-testid="action-publish"]'), SPEAKER.name, 'person')
  await screenshot('speaker-published')

  // 5. Back to the interview alone (a wide pane shows the image field's Upload button), then a cover
  //    image without alt text: the alt rule speaks up and publishing stays blocked.
  const draftId = await editorClient().fetch<string>(
    '*[_type == "interview" && title == $title][0]._id',
    { title: TITLE },
    { perspective: 'raw' },
  )
  await page.goto(`${lake.tlsUrl}/studio/intent/edit/id=${draftId.replace(/^drafts\./, '')};type=interview/`)
  const interviewPane = page
    .locator('[data-testid="document-pane"]')
    .filter({ has: page.locator('[data-testid="field-qa"]') })
  await interviewPane.locator('[data-testid="field-title"] input').waitFor()
  await page.click('[data-testid="group-tab-all-fields"]')
  // The cover is the form's first image input (the SEO image comes later).
  const coverInput = interviewPane.locator('[data-testid="image-input"]').first()
  await coverInput
    .locator('[data-testid="file-button-input"]')
    .setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: await coverImage() })
  await coverInput.locator('img').first().waitFor()
  const altField = interviewPane.locator('[data-testid="field-coverImage.alt"]')
  await altField.locator('[data-testid="input-validation-icon-error"]').waitFor()
  const publishInterview = interviewPane.locator('[data-testid="action-publish"]')
  expect(await publishInterview.isDisabled()).toBe(true)
  await altField.locator('[data-testid="input-validation-icon-error"]').hover()
  const message = page.getByText('Alt text is required', { exact: false }).first()
  await message.waitFor()
  expect(await message.textContent()).toContain('describe what the image shows')
  await screenshot('publish-blocked-by-missing-alt-text')

  // 6. Alt text given: publish.
  await altField.locator('input').fill('Ada Okonkwo at a whiteboard sketching the new index layout')
  await altField.locator('[data-testid="input-validation-icon-error"]').waitFor({ state: 'detached' })
  await waitUntilEnabled(publishInterview)
  await screenshot('ready-to-publish')
  const published = await publish(publishInterview, TITLE, 'interview')
  await screenshot('published')

  // 7. After a reload the Studio shows it among the published interviews.
  await page.reload()
  await page.goto(`${lake.tlsUrl}/studio/structure/interviews;published`)
  await page.locator('[data-testid="document-list-pane"]').getByText(TITLE).waitFor()
  await screenshot('published-list-after-reload')
  await page.goto(`${lake.tlsUrl}/studio/structure/interviews;published;${published._id}`)
  await page.locator('[data-testid="field-title"] input').waitFor()
  expect(await page.locator('[data-testid="field-title"] input').inputValue()).toBe(TITLE)
  // Nothing left to publish: the Studio sees the published version and no draft.
  const publishAfterReload = page.locator('[data-testid="action-publish"]')
  await publishAfterReload.waitFor()
  for (let tries = 0; tries < 60 && !(await publishAfterReload.isDisabled()); tries += 1) await page.waitForTimeout(250)
  expect(await publishAfterReload.isDisabled()).toBe(true)
  await screenshot('published-interview-after-reload')

  // 8. "Open preview" writes a short-lived preview secret and opens the site with it: no token in the URL, and the
  //    secret is one the site's own check (validatePreviewUrl with the read token) accepts. The site itself is not
  //    running here: a stand-in answers its origin; tests/e2e/site.test.ts follows such a link on the real site.
  await browser.route('http://localhost:3000/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<p>site stand-in</p>' }),
  )
  const previewTab = browser.waitForEvent('page')
  await page.click('[data-testid="pane-footer"] [data-testid="action-menu-button"]')
  await page.getByRole('menuitem', { name: 'Open preview' }).click()
  const tab = await previewTab
  await tab.waitForURL(/draft-mode/)
  const preview = new URL(tab.url())
  expect(preview.pathname).toBe('/api/draft-mode/enable')
  expect([...preview.searchParams.keys()].sort()).toEqual(['sanity-preview-pathname', 'sanity-preview-secret'])
  expect(preview.searchParams.get('sanity-preview-pathname')).toBe(
    '/interviews/how-the-lumen-team-rebuilt-search-in-six-weeks',
  )
  for (const value of preview.searchParams.values()) expect(value).not.toContain(WRITE_TOKEN)
  const siteReader = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token: READ_TOKEN,
  })
  expect(await validatePreviewUrl(siteReader, tab.url())).toMatchObject({
    isValid: true,
    redirectTo: '/interviews/how-the-lumen-team-rebuilt-search-in-six-weeks',
  })
  // The secret is not a credential for the content API: the lake does not know it as a token.
  const me = await fetch(`${lake.url}/v2025-02-19/users/me`, {
    headers: { authorization: `Bearer ${preview.searchParams.get('sanity-preview-secret')}` },
  })
  expect(me.ok).toBe(false)
  await screenshot('preview-opened')

  // 9. An anonymous reader's query (no token) returns it, with its speaker, Q&A and cover alt text.
  const reader = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
  })
  const seen = await reader.fetch<{
    title: string
    speaker: { name: string; role: string }
    questions: string[]
    alt: string
    hasAsset: boolean
  } | null>(
    '*[_type == "interview" && slug.current == $slug][0]{title, "speaker": speaker->{name, role}, "questions": qa[].question, "alt": coverImage.alt, "hasAsset": defined(coverImage.asset._ref)}',
    { slug: 'how-the-lumen-team-rebuilt-search-in-six-weeks' },
  )
  expect(seen).toEqual({
    title: TITLE,
    speaker: SPEAKER,
    questions: QUESTIONS,
    alt: 'Ada Okonkwo at a whiteboard sketching the new index layout',
    hasAsset: true,
  })
}
