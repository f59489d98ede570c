// The Sanity CLI's view of the project: `npm run build:studio` builds the Studio into .data/studio for the lake to serve at /studio.
import { defineCliConfig } from 'sanity/cli'
import { resolveBackend } from './studio/environment.ts'
import { selfHostedAssets } from './studio/self-hosted-assets.ts'

const basePath = '/studio'
const backend = resolveBackend(process.env.SANITY_STUDIO_API_HOST, undefined)

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'parley',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  project: { basePath },
  // `npm run typegen`: the content model to schema.json (required fields non-optional), the site's queries' result
  // types from it. Both files are committed; .ci/run regenerates them and fails on any difference.
  schemaExtraction: { enforceRequiredFields: true },
  typegen: {
    path: './lib/content/queries.ts',
    generates: './lib/content/sanity.types.ts',
    overloadClientMethods: false,
  },
  // A self-hosted build must not load the Studio's runtime from Sanity's CDN: offline it would never start.
  deployment: { autoUpdates: false },
  // Fonts from the Studio's own origin everywhere; the Dashboard's bridge script only where Sanity hosts the content.
  vite: (config) => ({
    ...config,
    plugins: [...(config.plugins ?? []), selfHostedAssets({ basePath, dashboardBridge: backend.kind === 'hosted' })],
  }),
})
