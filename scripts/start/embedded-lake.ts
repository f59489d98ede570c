// Starts the embedded lake for `npm start` and `npm run cluster`: the sample content on first run, the Studio build,
// and the signed revalidation webhook to the site.
import { resolve } from 'node:path'
import { lakeAddress } from '../../lake/cli/environment.ts'
import { newsletterWebhook } from '../../lib/newsletter/published-webhook.ts'
import { revalidationWebhook } from '../../lib/revalidation/index.ts'
import { defaultNewsletterDataset } from '../../schemas/newsletterRecords.ts'
import type { Environment } from '../environment.ts'
import { ensureStudioBuilt } from '../studio-build.ts'
import { importSampleIfEmpty } from './sample-content.ts'

export type EmbeddedLake = { url: string; studioUrl: string | null; close(): Promise<void> }

/** `siteUrl` is where the site answers (its webhook goes to `${siteUrl}/api/revalidate`). */
export async function startEmbeddedLake(root: string, env: Environment, siteUrl: string): Promise<EmbeddedLake> {
  const { startLake } = await import('../../lake/index.ts')
  const studioDir = resolve(root, '.data/studio')
  const { port, tlsPort } = lakeAddress(env)
  const options = {
    port,
    tlsPort,
    dataDir: resolve(root, env.LAKE_DATA_DIR || '.data/lake'),
    readToken: env.SANITY_API_READ_TOKEN,
    writeToken: env.SANITY_API_WRITE_TOKEN,
    projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID || 'parley',
    // The site's dataset and the newsletter's (subscribers kept apart from content, private: no anonymous request
    // reads a document of it) exist from the start, as they do in a hosted project.
    datasets: [
      env.NEXT_PUBLIC_SANITY_DATASET || 'production',
      { name: env.NEWSLETTER_DATASET || defaultNewsletterDataset, aclMode: 'private' as const },
    ],
    sitePort: Number(new URL(siteUrl).port),
    studioDir,
    // The lake signs every publish to the site's revalidation route (published documents only).
    webhooks: [
      revalidationWebhook(siteUrl, env.SANITY_REVALIDATE_SECRET || ''),
      // An interview's first publish starts its newsletter issue (lib/newsletter).
      newsletterWebhook(siteUrl, env.SANITY_REVALIDATE_SECRET || ''),
    ],
  }
  const lake = await startLake(options as Parameters<typeof startLake>[0])
  try {
    await importSampleIfEmpty(
      lake,
      resolve(root, 'content/parley-sample.tar.gz'),
      env.NEXT_PUBLIC_SANITY_DATASET || 'production',
      env.SANITY_API_READ_TOKEN,
    )
    // The Studio's Presentation tool shows the site at `siteUrl`, which its build bakes in; it is rebuilt when its
    // sources or that address change (PORT, SANITY_STUDIO_SITE_URL).
    await ensureStudioBuilt(studioDir, { SANITY_STUDIO_SITE_URL: env.SANITY_STUDIO_SITE_URL || siteUrl })
  } catch (error) {
    await lake.close()
    throw error
  }
  return { url: lake.url, studioUrl: lake.studioUrl, close: () => lake.close() }
}
