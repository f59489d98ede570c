// Decides whether a request may turn on draft mode: a short-lived Studio preview secret, or the automation secret.
import { timingSafeEqual } from 'node:crypto'
import type { SanityClient } from '@sanity/client'
import { urlSearchParamPreviewSecret, validatePreviewUrl } from '@sanity/preview-url-secret'
import { sameSiteRedirectTarget } from './redirect-target.ts'

export type PreviewAccess =
  { allowed: true; redirectTo: string; via: 'studio-secret' | 'automation-secret' } | { allowed: false; reason: string }

export type PreviewAccessOptions = {
  /** A client with the read token: Studio secrets are `sanity.previewUrlSecret` documents only a token can see. */
  secretReader: SanityClient
  /** `SANITY_PREVIEW_SECRET`, for scripts and tests; unset turns that door off. */
  automationSecret?: string | undefined
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The Studio's "Open preview" writes a random secret into the content API (it expires after an hour) and links to
 * `?sanity-preview-secret=…&sanity-preview-pathname=/path`; the content API is the only place that can say the
 * secret is real, so no long-lived credential ever travels in the URL. `?secret=&redirect=` is the automation door.
 */
export async function checkPreviewAccess(requestUrl: string, options: PreviewAccessOptions): Promise<PreviewAccess> {
  const params = new URL(requestUrl).searchParams
  if (params.has(urlSearchParamPreviewSecret)) {
    const result = await validatePreviewUrl(options.secretReader, requestUrl)
    if (!result.isValid)
      return {
        allowed: false,
        reason: 'This preview link is unknown or has expired: open the preview from the Studio again.',
      }
    return { allowed: true, redirectTo: sameSiteRedirectTarget(result.redirectTo), via: 'studio-secret' }
  }
  const secret = params.get('secret')
  if (secret) {
    if (options.automationSecret && sameSecret(secret, options.automationSecret)) {
      return { allowed: true, redirectTo: sameSiteRedirectTarget(params.get('redirect')), via: 'automation-secret' }
    }
    return { allowed: false, reason: 'The preview secret is wrong.' }
  }
  return {
    allowed: false,
    reason: `Open the preview from the Studio (?${urlSearchParamPreviewSecret}=…), or give ?secret=<SANITY_PREVIEW_SECRET>.`,
  }
}
