// Where the Studio's content lives, decided at build time from SANITY_STUDIO_* variables: the lake that serves the page (default) or hosted Sanity.

/**
 * SANITY_STUDIO_API_HOST
 * - unset, empty or "same-origin": the Studio talks to the origin it is served from, which is the
 *   lake's HTTPS listener (`npm start` serves the built Studio at https://localhost:3334/studio/).
 * - "hosted" or https://api.sanity.io: hosted Sanity with Sanity's own defaults (project host name,
 *   sanity.io sign-in); set SANITY_STUDIO_PROJECT_ID and SANITY_STUDIO_DATASET too.
 * - any other URL: a lake on another origin (for example https://lake.example.com).
 */
export type StudioBackend = { kind: 'lake'; apiHost: string } | { kind: 'hosted' }

// Vite replaces `process.env.SANITY_STUDIO_*` text at build time; a variable that was not set stays a
// reference to `process`, which does not exist in the browser, hence the guard.
export function readSetting(read: () => string | undefined): string | undefined {
  try {
    const value = read()
    return value && value.trim() ? value.trim() : undefined
  } catch {
    return undefined
  }
}

const apiHostSetting = readSetting(() => process.env.SANITY_STUDIO_API_HOST)

export const projectId = readSetting(() => process.env.SANITY_STUDIO_PROJECT_ID) ?? 'parley'
export const dataset = readSetting(() => process.env.SANITY_STUDIO_DATASET) ?? 'production'
export const apiVersion = '2025-02-19'

/** The reader site, for previews of drafts. */
export const siteUrl = (readSetting(() => process.env.SANITY_STUDIO_SITE_URL) ?? 'http://localhost:3000').replace(
  /\/+$/,
  '',
)

// Outside a browser (schema extraction, tests) there is no page origin: assume the lake's default TLS port.
const defaultLakeOrigin = 'https://localhost:3334'

export function resolveBackend(setting: string | undefined, pageOrigin: string | undefined): StudioBackend {
  if (!setting || setting === 'same-origin') return { kind: 'lake', apiHost: pageOrigin ?? defaultLakeOrigin }
  if (setting === 'hosted' || /^https:\/\/api\.sanity\.(io|work)\/?$/.test(setting)) return { kind: 'hosted' }
  return { kind: 'lake', apiHost: setting.replace(/\/+$/, '') }
}

export const backend = resolveBackend(
  apiHostSetting,
  typeof window === 'undefined' ? undefined : window.location.origin,
)
