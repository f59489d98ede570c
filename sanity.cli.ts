// The Sanity CLI's view of the project: `npm run build:studio` builds the Studio into .data/studio for the lake to serve at /studio.
import { defineCliConfig } from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'parley',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  project: { basePath: '/studio' },
  // A self-hosted build must not load the Studio's runtime from Sanity's CDN: offline it would never start.
  deployment: { autoUpdates: false },
})
