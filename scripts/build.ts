// `npm run build`: `next build` on the configuration `npm start` uses (the embedded lake by default), after checking
// that the content API it prerenders pages from answers; when it does not, one line says what to start or set.
import { resolve } from 'node:path'
import { createClient } from '@sanity/client'
import { isContentApiUnavailable } from '../lib/outage/content-api-unavailable.ts'
import { contentApiClientConfig, sanityConfig } from '../lib/sanity/config.ts'
import { loadEnvironment, type Environment } from './environment.ts'
import { buildSite } from './start/site-build.ts'

const root = resolve(import.meta.dirname, '..')

/** Why the content API cannot serve a build, or null when it answers (a refusal such as 401 still is an answer). */
async function contentApiProblem(env: Environment, embeddedLake: boolean): Promise<string | null> {
  const config = sanityConfig(env)
  const client = createClient({ ...contentApiClientConfig(config), useCdn: false, maxRetries: 0, timeout: 10_000 })
  try {
    await client.fetch('1', {}, { tag: 'parley.build' })
    return null
  } catch (error) {
    if (!isContentApiUnavailable(error)) return null
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
    return embeddedLake
      ? `npm run build: no lake answers at ${config.apiHost} (${cause}), and the build renders pages from it: start it ` +
          'first (npm run lake, with the same LAKE_PORT) or run npm start, which starts the lake and builds the site; ' +
          'for hosted Sanity set NEXT_PUBLIC_SANITY_PROJECT_ID in .env.local.'
      : `npm run build: hosted Sanity (project ${config.projectId}) does not answer (${cause}), and the build renders ` +
          'pages from it: check the network, or build against the embedded lake (leave NEXT_PUBLIC_SANITY_PROJECT_ID unset).'
  }
}

const { env, embeddedLake } = loadEnvironment(root)
const problem = await contentApiProblem(env, embeddedLake)
if (problem) {
  console.error(problem)
  process.exit(1)
}
await buildSite(root, env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
