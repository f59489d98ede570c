// Launches the machine's Chromium headless with the flags that work here; Playwright gives each launch a fresh
// temporary profile (it refuses --user-data-dir with launch()) and removes it on close.
import { chromium, type Browser } from 'playwright-core'

/** The headless flags that work on these machines (docs/machine-notes.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  return { browser, close: () => browser.close() }
}
