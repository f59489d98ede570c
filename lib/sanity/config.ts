// Where content lives, read once from the environment: the embedded lake when SANITY_API_HOST is set, hosted Sanity otherwise.

export type SanityConfig = {
  projectId: string
  dataset: string
  apiVersion: string
  /** The lake's URL when running on the embedded default; undefined for hosted Sanity. */
  apiHost: string | undefined
  /**
   * A caching API CDN in front of `apiHost`, for reads made per request (search); undefined for hosted Sanity (the
   * client knows its CDN) and when there is none.
   */
  apiCdnHost: string | undefined
}

export function sanityConfig(env: Record<string, string | undefined> = process.env): SanityConfig {
  return {
    projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
    dataset: env.NEXT_PUBLIC_SANITY_DATASET || 'production',
    apiVersion: env.NEXT_PUBLIC_SANITY_API_VERSION || '2025-02-19',
    apiHost: env.SANITY_API_HOST?.replace(/\/+$/, '') || undefined,
    apiCdnHost: (env.SANITY_API_HOST && env.SANITY_API_CDN_HOST?.replace(/\/+$/, '')) || undefined,
  }
}

/** A client's options for where content lives: the lake's own host, or the project's hosts on hosted Sanity. */
export function contentApiClientConfig(config: SanityConfig = sanityConfig()) {
  const { apiHost, apiCdnHost: _perRequestReadsOnly, ...project } = config
  return { ...project, ...(apiHost ? { apiHost, useProjectHostname: false } : {}) }
}

/** Base URL of image assets as browsers load them: the lake serves them itself; hosted Sanity from its CDN. */
export function imageBaseUrl(config: SanityConfig = sanityConfig()): string {
  return config.apiHost ?? 'https://cdn.sanity.io'
}

/** The Studio editors use (the lake serves it under `npm start`): where /studio sends them and where stega's edit links point. */
export function studioUrl(env: Record<string, string | undefined> = process.env): string {
  return env.SANITY_STUDIO_URL || 'https://localhost:3334/studio/'
}
