// Measures how much of the real @sanity/client behaves against the lake as it does against hosted Sanity: every public
// method found by reflection gets a probe with the answer hosted Sanity gives; the share that passes is printed.
// Run: npm run bench:client-surface
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import sharp from 'sharp'
import { startLake } from '../lake/index.ts'

const WRITE_TOKEN = 'surface-write-token'
const READ_TOKEN = 'surface-read-token'

type Probe = (client: SanityClient) => Promise<unknown>
type Verdict = 'as hosted' | 'hosted-only (501)' | 'differs' | 'no probe'

/** Public methods, by reflection over the client and its sub-clients, so nothing is left out by choice. */
function publicMethods(client: SanityClient): string[] {
  const methodsOf = (value: object): string[] => {
    const names = new Set<string>()
    for (
      let proto = Object.getPrototypeOf(value);
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    )
      for (const name of Object.getOwnPropertyNames(proto))
        if (
          name !== 'constructor' &&
          !name.startsWith('_') &&
          typeof (value as Record<string, unknown>)[name] === 'function'
        )
          names.add(name)
    for (const [name, member] of Object.entries(value))
      if (typeof member === 'function' && !name.startsWith('_')) names.add(name)
    return [...names]
  }
  const found = methodsOf(client).map((name) => name)
  const walk = (path: string, value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 2) return
    for (const name of methodsOf(value)) found.push(`${path}.${name}`)
    for (const [key, member] of Object.entries(value))
      if (member && typeof member === 'object') walk(`${path}.${key}`, member, depth + 1)
  }
  for (const key of Object.keys(client))
    if (key !== 'observable') walk(key, (client as unknown as Record<string, unknown>)[key], 0)
  for (const name of methodsOf(client.patch('x'))) found.push(`patch().${name}`)
  for (const name of methodsOf(client.transaction())) found.push(`transaction().${name}`)
  return [...new Set(found)].sort()
}

/** A 501 naming the service, in Sanity's error shape: the lake's answer for a hosted-only service. */
async function hostedOnly(call: Promise<unknown>): Promise<'hosted-only'> {
  const error = (await call.then(
    () => assert.fail('a hosted-only service answered as if it existed'),
    (caught: unknown) => caught,
  )) as { statusCode?: number; message?: string; data?: { statusCode?: number } }
  // A listener's refusal arrives as the stream's channelError (the client's ChannelError, its data the event's).
  assert.equal(error.statusCode ?? error.data?.statusCode, 501)
  assert.match(String(error.message), /not available on the local lake/)
  return 'hosted-only'
}

const rejectsWith = async (call: Promise<unknown>, statusCode: number) => {
  const error = (await call.then(
    () => assert.fail(`expected a ${statusCode}`),
    (caught: unknown) => caught,
  )) as { statusCode?: number }
  assert.equal(error.statusCode, statusCode)
}

type Durables = {
  durables: Record<'callbackSuccess' | 'callbackFailure', (id: string, body: object) => Promise<unknown>>
}
const withContext = (c: SanityClient) => c.withConfig({ context: { organizationId: 'org' } } as never)

let counter = 0
const fresh = (prefix: string) => `${prefix}-${++counter}`

const probes: Record<string, Probe> = {
  clone: async (c) => assert.equal(c.clone().config().dataset, 'production'),
  config: async (c) => assert.equal(c.config().dataset, 'production'),
  withConfig: async (c) => assert.equal(c.withConfig({ dataset: 'other' }).config().dataset, 'other'),
  getAuth: async (c) => assert.ok(c.getAuth() !== undefined),
  observeAuth: async (c) => assert.ok(typeof c.observeAuth().subscribe === 'function'),
  getUrl: async (c) => assert.match(c.getUrl('/ping'), /\/v2025-02-19\/ping$/),
  getDataUrl: async (c) => assert.match(c.getDataUrl('query', 'production'), /\/data\/query\/production/),
  fetch: async (c) => assert.equal(await c.fetch('count(*[_id == "surface-person"])'), 1),
  getDocument: async (c) => assert.equal((await c.getDocument('surface-person'))?._id, 'surface-person'),
  getDocuments: async (c) =>
    assert.deepEqual(
      (await c.getDocuments(['surface-person', 'nobody'])).map((d) => d?._id ?? null),
      ['surface-person', null],
    ),
  documentsExists: async (c) =>
    assert.deepEqual([...(await c.documentsExists(['surface-person', 'nobody']))], ['surface-person']),
  create: async (c) => assert.equal((await c.create({ _id: fresh('created'), _type: 'note' }))._type, 'note'),
  createIfNotExists: async (c) =>
    assert.equal((await c.createIfNotExists({ _id: 'surface-person', _type: 'person' }))._id, 'surface-person'),
  createOrReplace: async (c) =>
    assert.equal((await c.createOrReplace({ _id: fresh('replaced'), _type: 'note' }))._type, 'note'),
  delete: async (c) => {
    const id = fresh('deleted')
    await c.create({ _id: id, _type: 'note' })
    await c.delete(id)
    assert.equal(await c.getDocument(id), undefined)
  },
  mutate: async (c) =>
    assert.ok((await c.mutate([{ create: { _id: fresh('mutated'), _type: 'note' } }])).transactionId),
  patch: async (c) =>
    assert.equal((await c.patch('surface-person').set({ role: 'Engineer' }).commit()).role, 'Engineer'),
  transaction: async (c) =>
    assert.ok(
      (
        await c
          .transaction()
          .create({ _id: fresh('tx'), _type: 'note' })
          .commit()
      ).transactionId,
    ),
  action: async (c) => {
    const id = fresh('acted')
    await c.action({
      actionType: 'sanity.action.document.create',
      publishedId: id,
      attributes: { _id: `drafts.${id}`, _type: 'note' },
      ifExists: 'fail',
    })
    await c.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id })
    assert.ok(await c.getDocument(id))
  },
  request: async (c) => assert.ok(await c.request({ url: '/users/me' })),
  dataRequest: async (c) => assert.ok(await c.dataRequest('query', { query: 'count(*)' }, {})),
  listen: async (c) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event within 5 s')), 5000)
      const subscription = c.listen('*[_type == "note"]').subscribe({
        next: (event) => {
          if (event.type !== 'mutation') return
          clearTimeout(timer)
          subscription.unsubscribe()
          assert.equal(event.result?._type, 'note')
          resolve()
        },
        error: reject,
      })
      setTimeout(() => void c.create({ _id: fresh('heard'), _type: 'note' }), 300)
    }),
  'assets.upload': async (c) => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#246' } })
      .png()
      .toBuffer()
    assert.match((await c.assets.upload('image', png, { filename: 'dot.png' }))._id, /^image-/)
  },
  'datasets.create': async (c) =>
    assert.deepEqual(await c.datasets.create('surface-extra'), { datasetName: 'surface-extra', aclMode: 'public' }),
  'datasets.edit': async (c) => {
    assert.equal((await c.datasets.edit('surface-extra', { aclMode: 'private' })).aclMode, 'private')
    assert.equal((await c.datasets.edit('surface-extra', { aclMode: 'public' })).aclMode, 'public')
  },
  'datasets.list': async (c) => assert.ok((await c.datasets.list()).some((d) => d.name === 'production')),
  'datasets.delete': async (c) => assert.deepEqual(await c.datasets.delete('surface-extra'), { deleted: true }),
  'datasets.getEmbeddingsSettings': (c) => hostedOnly(c.datasets.getEmbeddingsSettings('production')),
  'datasets.editEmbeddingsSettings': (c) =>
    hostedOnly(c.datasets.editEmbeddingsSettings('production', { enabled: false } as never)),
  'projects.list': (c) => hostedOnly(c.projects.list()),
  'projects.getById': async (c) => assert.equal((await c.projects.getById('parley')).id, 'parley'),
  'users.getById': async (c) => assert.ok(await c.users.getById('me')),
  'releases.create': async (c) =>
    assert.ok(await c.releases.create({ releaseId: 'surface-release', metadata: { title: 'Surface' } })),
  'releases.get': async (c) => assert.equal((await c.releases.get({ releaseId: 'surface-release' }))?.state, 'active'),
  'releases.edit': async (c) =>
    assert.ok(await c.releases.edit({ releaseId: 'surface-release', patch: { set: { 'metadata.title': 'Edited' } } })),
  createVersion: async (c) =>
    assert.ok(
      await c.createVersion({ publishedId: 'surface-person', baseId: 'surface-person', releaseId: 'surface-release' }),
    ),
  replaceVersion: async (c) =>
    assert.ok(
      await c.replaceVersion({
        document: { _id: 'versions.surface-release.surface-person', _type: 'person', name: 'Replaced' },
      }),
    ),
  unpublishVersion: async (c) => {
    await c.create({ _id: 'surface-retired', _type: 'note' })
    assert.ok(await c.unpublishVersion({ publishedId: 'surface-retired', releaseId: 'surface-release' }))
  },
  discardVersion: async (c) =>
    assert.ok(await c.discardVersion({ publishedId: 'surface-retired', releaseId: 'surface-release' })),
  'releases.fetchDocuments': async (c) => {
    const raw = c.withConfig({ perspective: 'raw' })
    const found = (await raw.releases.fetchDocuments({ releaseId: 'surface-release' })) as unknown as {
      result: { _id: string }[]
    }
    assert.deepEqual(
      found.result.map((doc) => doc._id),
      ['versions.surface-release.surface-person'],
    )
  },
  'releases.schedule': async (c) => {
    await c.releases.create({ releaseId: 'surface-scheduled', metadata: { title: 'Later' } })
    assert.ok(
      await c.releases.schedule({
        releaseId: 'surface-scheduled',
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    )
  },
  'releases.unschedule': async (c) => assert.ok(await c.releases.unschedule({ releaseId: 'surface-scheduled' })),
  'releases.archive': async (c) => assert.ok(await c.releases.archive({ releaseId: 'surface-scheduled' })),
  'releases.unarchive': async (c) => assert.ok(await c.releases.unarchive({ releaseId: 'surface-scheduled' })),
  'releases.publish': async (c) => {
    await c.releases.publish({ releaseId: 'surface-release' })
    assert.equal((await c.releases.get({ releaseId: 'surface-release' }))?.state, 'published')
  },
  'releases.delete': async (c) => {
    await c.releases.delete({ releaseId: 'surface-release' })
    assert.equal(await c.releases.get({ releaseId: 'surface-release' }), undefined)
  },
  'live.events': async (c) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no welcome within 5 s')), 5000)
      const subscription = c.live.events().subscribe({
        next: (event) => {
          clearTimeout(timer)
          subscription.unsubscribe()
          assert.equal(event.type, 'welcome')
          resolve()
        },
        error: (error: unknown) => {
          clearTimeout(timer)
          reject(error)
        },
      })
    }),
  'agent.action.generate': (c) =>
    hostedOnly(
      c.agent.action.generate({
        schemaId: 's',
        targetDocument: { operation: 'create', _type: 'note' },
        instruction: 'x',
      } as never),
    ),
  'agent.action.transform': (c) =>
    hostedOnly(c.agent.action.transform({ schemaId: 's', documentId: 'surface-person', instruction: 'x' } as never)),
  'agent.action.translate': (c) =>
    hostedOnly(
      c.agent.action.translate({ schemaId: 's', documentId: 'surface-person', toLanguage: { id: 'fr' } } as never),
    ),
  'agent.action.prompt': (c) => hostedOnly(c.agent.action.prompt({ instruction: 'x' } as never)),
  'agent.action.patch': (c) =>
    hostedOnly(c.agent.action.patch({ schemaId: 's', documentId: 'surface-person', target: [] } as never)),
  'functions.invoke': (c) => hostedOnly(c.functions.invoke('fn' as never, { stackId: 'stack' } as never)),
  'functions.durables.callbackSuccess': (c) =>
    hostedOnly((c.functions as unknown as Durables).durables.callbackSuccess('cb-1', {})),
  'functions.durables.callbackFailure': (c) =>
    hostedOnly((c.functions as unknown as Durables).durables.callbackFailure('cb-1', {})),
  'mediaLibrary.video.getPlaybackInfo': (c) =>
    hostedOnly(c.mediaLibrary.video.getPlaybackInfo('media-library:ml1:video-abc123' as never)),
  'context.request': (c) => hostedOnly(c.context.request('GET /knowledge-bases' as never, {} as never)),
  'context.requestBytes': (c) => hostedOnly(c.context.requestBytes('GET /knowledge-bases' as never, {} as never)),
  'context.fetch': (c) =>
    hostedOnly(
      (withContext(c).context.fetch as (...args: unknown[]) => Promise<unknown>)('*', {}, { knowledgeBaseId: 'kb' }),
    ),
  'context.uploadFile': (c) =>
    hostedOnly(
      c.context.uploadFile({ knowledgeBaseId: 'kb', sourceId: 's', file: new Uint8Array(1), filename: 'f' } as never),
    ),
  'context.createFileSource': (c) =>
    hostedOnly(c.context.createFileSource({ knowledgeBaseId: 'kb', file: new Uint8Array(1), filename: 'f' } as never)),
  'context.listen': (c) =>
    hostedOnly(
      new Promise((resolve, reject) => {
        const stream = (
          withContext(c).context.listen as (...args: unknown[]) => { subscribe: (o: object) => { unsubscribe(): void } }
        )('*', {}, { knowledgeBaseId: 'kb' })
        const subscription = stream.subscribe({ next: resolve, error: reject })
        setTimeout(() => subscription.unsubscribe(), 5000)
      }),
    ),
  'collaboration.comments.getTargetDocumentRef': async (c) =>
    assert.ok(
      c
        .withConfig({ collaboration: { organizationId: 'org' } } as never)
        .collaboration.comments.getTargetDocumentRef('surface-person'),
    ),
  ...Object.fromEntries(
    ['create', 'update', 'delete', 'addReaction', 'removeReaction', 'fetch', 'listen'].map((name) => [
      `collaboration.comments.${name}`,
      (c: SanityClient) => {
        const comments = c.withConfig({ collaboration: { organizationId: 'org' } } as never).collaboration
          .comments as unknown as Record<string, (...args: unknown[]) => unknown>
        const call = comments[name]?.({ _id: 'c1', target: { documentId: 'surface-person' }, message: [] }, {})
        const asPromise =
          call && typeof (call as { subscribe?: unknown }).subscribe === 'function'
            ? new Promise((resolve, reject) =>
                (call as { subscribe: (o: object) => void }).subscribe({ next: resolve, error: reject }),
              )
            : (call as Promise<unknown>)
        return hostedOnly(asPromise)
      },
    ]),
  ),
  // The patch and transaction builders, each through a commit against the lake.
  ...Object.fromEntries(
    (
      [
        ['set', (p) => p.set({ n: 1 }), (d) => d.n === 1],
        ['setIfMissing', (p) => p.setIfMissing({ m: 2 }), (d) => d.m === 2],
        ['unset', (p) => p.unset(['role']), (d) => d.role === undefined],
        ['inc', (p) => p.setIfMissing({ count: 0 }).inc({ count: 2 }), (d) => d.count === 2],
        ['dec', (p) => p.setIfMissing({ level: 5 }).dec({ level: 1 }), (d) => d.level === 4],
        [
          'insert',
          (p) => p.setIfMissing({ tags: ['a'] }).insert('after', 'tags[-1]', ['b']),
          (d) => JSON.stringify(d.tags) === '["a","b"]',
        ],
        [
          'append',
          (p) => p.setIfMissing({ list: [] }).append('list', ['z']),
          (d) => (d.list as string[]).at(-1) === 'z',
        ],
        [
          'prepend',
          (p) => p.setIfMissing({ first: [] }).prepend('first', ['y']),
          (d) => (d.first as string[])[0] === 'y',
        ],
        [
          'splice',
          (p) => p.set({ letters: ['a', 'b', 'c'] }).splice('letters', 1, 1, ['x']),
          (d) => JSON.stringify(d.letters) === '["a","x","c"]',
        ],
        [
          'diffMatchPatch',
          (p) => p.set({ text: 'hello' }).diffMatchPatch({ text: '@@ -1,5 +1,5 @@\n-hello\n+jello\n' }),
          (d) => d.text === 'jello',
        ],
      ] as [
        string,
        (p: ReturnType<SanityClient['patch']>) => ReturnType<SanityClient['patch']>,
        (d: Record<string, unknown>) => boolean,
      ][]
    ).map(([name, build, check]) => [
      `patch().${name}`,
      async (c: SanityClient) => {
        const id = fresh(`patched-${name}`)
        await c.create({ _id: id, _type: 'note', role: 'x' })
        assert.ok(check((await build(c.patch(id)).commit()) as Record<string, unknown>))
      },
    ]),
  ),
  'patch().ifRevisionId': async (c) =>
    rejectsWith(c.patch('surface-person').ifRevisionId('stale').set({ n: 1 }).commit(), 409),
  'patch().commit': async (c) => assert.ok((await c.patch('surface-person').set({ seen: true }).commit())._rev),
  'transaction().create': async (c) =>
    assert.ok(
      await c
        .transaction()
        .create({ _id: fresh('t-create'), _type: 'note' })
        .commit(),
    ),
  'transaction().createIfNotExists': async (c) =>
    assert.ok(await c.transaction().createIfNotExists({ _id: 'surface-person', _type: 'person' }).commit()),
  'transaction().createOrReplace': async (c) =>
    assert.ok(
      await c
        .transaction()
        .createOrReplace({ _id: fresh('t-replace'), _type: 'note' })
        .commit(),
    ),
  'transaction().delete': async (c) => {
    const id = fresh('t-delete')
    await c.create({ _id: id, _type: 'note' })
    await c.transaction().delete(id).commit()
    assert.equal(await c.getDocument(id), undefined)
  },
  'transaction().patch': async (c) =>
    assert.ok(
      await c
        .transaction()
        .patch('surface-person', (p) => p.set({ t: 1 }))
        .commit(),
    ),
  'transaction().transactionId': async (c) =>
    assert.equal(
      (
        await c
          .transaction()
          .create({ _id: fresh('t-id'), _type: 'note' })
          .transactionId('surface-tx')
          .commit()
      ).transactionId,
      'surface-tx',
    ),
  'transaction().commit': async (c) => assert.ok((await c.transaction().commit()).transactionId !== undefined),
}

/** Builder plumbing with no server behaviour: counted, as on hosted Sanity they behave the same by construction. */
const clientSideOnly = new Set([
  'patch().clone',
  'patch().serialize',
  'patch().toJSON',
  'patch().reset',
  'transaction().clone',
  'transaction().serialize',
  'transaction().toJSON',
  'transaction().reset',
])

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-client-surface-'))
  const lake = await startLake({ port: 0, dataDir, readToken: READ_TOKEN, writeToken: WRITE_TOKEN })
  try {
    const client = createClient({
      projectId: 'parley',
      dataset: 'production',
      apiVersion: '2025-02-19',
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
      token: WRITE_TOKEN,
    })
    await client.createOrReplace({ _id: 'surface-person', _type: 'person', name: 'Surface' })
    const verdicts: { method: string; verdict: Verdict; detail?: string }[] = []
    // In the probes' own order (releases before their versions, create before edit and delete), then the rest.
    const methods = publicMethods(client)
    const ordered = [
      ...Object.keys(probes).filter((method) => methods.includes(method)),
      ...methods.filter((method) => !(method in probes)),
    ]
    for (const method of ordered) {
      if (clientSideOnly.has(method)) {
        verdicts.push({ method, verdict: 'as hosted', detail: 'client-side only' })
        continue
      }
      const probe = probes[method]
      if (!probe) {
        verdicts.push({ method, verdict: 'no probe' })
        continue
      }
      try {
        const outcome = await Promise.race([
          probe(client),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 10 s')), 10_000)),
        ])
        verdicts.push({ method, verdict: outcome === 'hosted-only' ? 'hosted-only (501)' : 'as hosted' })
      } catch (error) {
        verdicts.push({ method, verdict: 'differs', detail: (error as Error).message.split('\n')[0] })
      }
    }
    for (const { method, verdict, detail } of verdicts.sort((a, b) => a.method.localeCompare(b.method)))
      console.log(`${verdict.padEnd(18)} ${method}${detail ? `  (${detail})` : ''}`)
    const count = (verdict: Verdict) => verdicts.filter((v) => v.verdict === verdict).length
    console.log(
      `\n${count('as hosted')} of ${verdicts.length} public client methods behave against the lake as on hosted Sanity; ` +
        `${count('hosted-only (501)')} are hosted-only services answered with a clear 501; ${count('differs')} differ; ${count('no probe')} have no probe.`,
    )
  } finally {
    await lake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
