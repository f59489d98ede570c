// Publishes scheduled releases at their time: one transaction per release, so readers and webhooks see it all at once.
import type { LakeContext } from '../context.ts'
import { toLakeError } from '../http/errors.ts'
import { runTransaction } from '../mutations/transaction.ts'
import type { Recorded } from '../actions/action-handler.ts'
import { publishReleaseVersions } from './publish-release.ts'
import { releaseDocumentId, scheduledReleases, type ReleaseDocument } from './release-document.ts'

/** The identity a scheduled publish is recorded under (transaction author, listen events, webhooks). */
export const RELEASE_SCHEDULER_IDENTITY = 'parley-release-scheduler'

/** Long sleeps are cut into pieces so a changed clock or a missed wake-up costs at most this long. */
const MAX_SLEEP_MS = 60_000
const MIN_SLEEP_MS = 50

export type ReleaseScheduler = { close(): void; idle(): Promise<void> }

export function releaseScheduler(context: LakeContext): ReleaseScheduler {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()
  let closed = false

  const arm = () => {
    if (closed) return
    if (timer) clearTimeout(timer)
    const next = soonest(context)
    if (next === null) return
    timer = setTimeout(
      () => {
        running = running.then(() => publishDue(context)).then(arm, arm)
      },
      // Never a tight loop, even if a due release keeps failing to be recorded.
      Math.min(Math.max(next - Date.now(), MIN_SLEEP_MS), MAX_SLEEP_MS),
    )
    timer.unref()
  }

  // A release scheduled, unscheduled or published by anyone moves the next wake-up.
  const unsubscribe = context.commits.onCommit((transaction) => {
    if (transaction.documents.some((change) => change.id.startsWith('_.releases.'))) arm()
  })
  arm()

  return {
    close() {
      closed = true
      unsubscribe()
      if (timer) clearTimeout(timer)
    },
    idle: () => running,
  }
}

function soonest(context: LakeContext): number | null {
  let next: number | null = null
  for (const dataset of context.store.listDatasets())
    for (const { publishAt } of scheduledReleases(context.store, dataset)) {
      const at = Date.parse(publishAt)
      if (!Number.isNaN(at) && (next === null || at < next)) next = at
    }
  return next
}

/** Publishes every release whose time has come; a release that cannot be published goes back to active with the reason. */
async function publishDue(context: LakeContext): Promise<void> {
  const now = Date.now()
  for (const dataset of context.store.listDatasets()) {
    for (const { releaseId, publishAt } of scheduledReleases(context.store, dataset)) {
      if (Date.parse(publishAt) > now) continue
      try {
        await publishScheduled(context, dataset, releaseId)
        console.info(`[lake] published scheduled release "${releaseId}" (dataset ${dataset}, due ${publishAt})`)
      } catch (error) {
        const message = toLakeError(error).message
        console.error(`[lake] scheduled release "${releaseId}" was not published: ${message}`)
        await markFailed(context, dataset, releaseId, message).catch((failure: unknown) =>
          console.error('[lake] could not record the failure on the release', failure),
        )
      }
    }
  }
}

/** The release is read again under the write lock: an unschedule that got there first wins. */
function publishScheduled(context: LakeContext, dataset: string, releaseId: string) {
  return runTransaction(context, {
    dataset,
    kind: 'actionError',
    identity: RELEASE_SCHEDULER_IDENTITY,
    dryRun: false,
    build: (working, stamp) => {
      const release = working.get(releaseDocumentId(releaseId)) as ReleaseDocument | null
      if (release?.state !== 'scheduled' || Date.parse(release.publishAt ?? '') > Date.parse(stamp.timestamp)) return []
      const recorded: Recorded[] = []
      publishReleaseVersions(working, release, stamp.timestamp, recorded)
      return recorded
    },
  })
}

function markFailed(context: LakeContext, dataset: string, releaseId: string, message: string) {
  return runTransaction(context, {
    dataset,
    kind: 'actionError',
    identity: RELEASE_SCHEDULER_IDENTITY,
    dryRun: false,
    build: (working) => {
      const release = working.get(releaseDocumentId(releaseId)) as ReleaseDocument | null
      if (release?.state !== 'scheduled') return []
      const { publishAt, ...rest } = release
      const failed: ReleaseDocument = {
        ...rest,
        state: 'active',
        error: { message: `Not published at ${publishAt}: ${message}` },
      }
      working.put(failed._id, failed)
      return [{ createOrReplace: failed }]
    },
  })
}
