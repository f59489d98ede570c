// The browser listener: HTTPS with HTTP/2 on the TLS port, a local certificate kept in the data folder, and the CORS policy browsers see.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ClientHttp2Session } from 'node:http2'
import { createClient } from '@sanity/client'
import { startLake, type Lake } from '../../lake/index.ts'
import { http2Request, openHttp2Session } from './http2-client.ts'

const WRITE_TOKEN = 'parley-local-write-token'
const SITE_ORIGIN = 'http://localhost:3000'

let lake: Lake
let dataDir: string
let session: ClientHttp2Session

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-tls-'))
  lake = await startLake({ port: 0, tlsPort: 0, dataDir, durability: 'normal' })
  const client = createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    token: WRITE_TOKEN,
    useCdn: false,
  })
  await client.create({ _id: 'interview-tls', _type: 'interview', title: 'Served over HTTP/2' })
  session = await openHttp2Session(lake.tlsUrl as string)
})

afterAll(async () => {
  session?.close()
  await lake?.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('HTTPS + HTTP/2 listener', () => {
  test('answers a GROQ query over an HTTP/2 session on the TLS port', async () => {
    expect(session.alpnProtocol).toBe('h2')
    const query = encodeURIComponent('*[_type == "interview"]{_id, title}')
    const response = await http2Request(session, `/v2025-02-19/data/query/production?query=${query}`)
    expect(response.status).toBe(200)
    expect(response.json().result).toEqual([{ _id: 'interview-tls', title: 'Served over HTTP/2' }])
  })

  test('keeps eight event streams open at once on one HTTP/2 connection, as the Studio does per document', async () => {
    const streams = Array.from({ length: 8 }, () => {
      const stream = session.request({
        ':path': `/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type == "interview"]')}`,
        authorization: `Bearer ${WRITE_TOKEN}`,
        accept: 'text/event-stream',
      })
      stream.setEncoding('utf8')
      const welcomed = new Promise<void>((resolve) => {
        let text = ''
        stream.on('data', (chunk: string) => {
          text += chunk
          if (text.includes('event: welcome')) resolve()
        })
      })
      return { stream, welcomed }
    })
    await Promise.all(streams.map(({ welcomed }) => welcomed))
    for (const { stream } of streams) stream.close()
  })

  test('still speaks HTTP/1.1 over TLS to clients without HTTP/2', async () => {
    const body = await new Promise<{ status: number; text: string; protocol: string }>((resolve, reject) => {
      const request = httpsRequest(
        `${lake.tlsUrl}/ping`,
        { rejectUnauthorized: false } /* node:https offers only http/1.1 in ALPN */,
        (response) => {
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (text += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text, protocol: response.httpVersion }))
        },
      )
      request.on('error', reject)
      request.end()
    })
    expect(body).toEqual({ status: 200, text: JSON.stringify({ ok: true }), protocol: '1.1' })
  })
})

describe('local certificate', () => {
  test('is generated in the data folder for localhost and 127.0.0.1, and reused on the next start', async () => {
    const pem = await readFile(path.join(dataDir, 'tls', 'localhost.crt'), 'utf8')
    const certificate = new X509Certificate(pem)
    expect(certificate.checkHost('localhost')).toBe('localhost')
    expect(certificate.checkHost('parley.localhost')).toBe('parley.localhost')
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000)
    const served = (session.socket as unknown as { getPeerX509Certificate(): X509Certificate }).getPeerX509Certificate()
    expect(served.fingerprint256).toBe(certificate.fingerprint256)

    // A second lake over the same folder (another port) presents the very same certificate.
    await lake.close()
    session.close()
    lake = await startLake({ port: 0, tlsPort: 0, dataDir, durability: 'normal' })
    session = await openHttp2Session(lake.tlsUrl as string)
    const again = (session.socket as unknown as { getPeerX509Certificate(): X509Certificate }).getPeerX509Certificate()
    expect(again.fingerprint256).toBe(certificate.fingerprint256)
  })
})

describe('a damaged certificate', () => {
  test('is replaced by a fresh one on the next start instead of failing it', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'parley-tls-damaged-'))
    try {
      const first = await startLake({ port: 0, tlsPort: 0, dataDir: folder, durability: 'normal' })
      await first.close()
      await writeFile(path.join(folder, 'tls', 'localhost.crt'), '-----BEGIN CERTIFICATE-----\ntruncated')
      const second = await startLake({ port: 0, tlsPort: 0, dataDir: folder, durability: 'normal' })
      try {
        const fresh = new X509Certificate(await readFile(path.join(folder, 'tls', 'localhost.crt'), 'utf8'))
        expect(fresh.checkHost('localhost')).toBe('localhost')
        const check = await openHttp2Session(second.tlsUrl as string)
        expect((await http2Request(check, '/ping')).status).toBe(200)
        check.close()
      } finally {
        await second.close()
      }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('the project host name', () => {
  test("answers the Studio SDK's calls to https://<projectId>.localhost:<port> (browsers resolve it to this machine)", async () => {
    // Node does not resolve *.localhost, so the request goes to 127.0.0.1 with the name in SNI and the Host header,
    // checked against the certificate as a browser checks it.
    const port = Number(new URL(lake.tlsUrl as string).port)
    const ca = await readFile(path.join(dataDir, 'tls', 'localhost.crt'), 'utf8')
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          servername: 'parley.localhost',
          path: '/v2025-02-19/intake/telemetry-status',
          headers: { host: `parley.localhost:${port}`, origin: `https://localhost:${port}` },
          ca,
          checkServerIdentity: (_host, certificate) =>
            new X509Certificate(certificate.raw).checkHost('parley.localhost')
              ? undefined
              : new Error('the certificate does not name parley.localhost'),
        },
        (response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        },
      )
      request.once('error', reject)
      request.end()
    })
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ status: 'denied' }) })
  })

  test('renews a certificate kept from before that does not name it', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'parley-tls-names-'))
    try {
      const { loadOrCreateCertificate } = await import('../../lake/tls/certificate.ts')
      const old = await loadOrCreateCertificate(folder)
      expect(new X509Certificate(old.cert).checkHost('parley.localhost')).toBeUndefined()
      const renewed = await loadOrCreateCertificate(folder, { projectId: 'parley' })
      expect(renewed.created).toBe(true)
      expect(new X509Certificate(renewed.cert).checkHost('parley.localhost')).toBe('parley.localhost')
      expect((await loadOrCreateCertificate(folder, { projectId: 'parley' })).created).toBe(false)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('CORS', () => {
  test('answers a preflight from the site origin with its origin, credentials and the Sanity headers', async () => {
    const response = await http2Request(session, '/v2025-02-19/data/mutate/production', {
      ':method': 'OPTIONS',
      origin: SITE_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, x-sanity-app',
    })
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe(SITE_ORIGIN)
    expect(response.headers['access-control-allow-credentials']).toBe('true')
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST')
    const allowed = String(response.headers['access-control-allow-headers']).split(/,\s*/)
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-sanity-app']))
  })

  test('answers the preflight of an event stream from the lake’s own HTTPS origin', async () => {
    const ownOrigin = `https://localhost:${lake.tlsPort}`
    const response = await http2Request(session, '/v2025-02-19/data/listen/production?query=*', {
      ':method': 'OPTIONS',
      origin: ownOrigin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization, last-event-id',
    })
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe(ownOrigin)
    expect(String(response.headers['access-control-allow-headers'])).toContain('last-event-id')
  })

  test('refuses a preflight from an origin that is not allowed, saying how to allow it', async () => {
    const response = await http2Request(session, '/v2025-02-19/data/mutate/production', {
      ':method': 'OPTIONS',
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    })
    expect(response.status).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    expect(response.json().error.description).toContain('LAKE_CORS_ORIGINS')
  })

  test('labels ordinary responses for allowed origins only', async () => {
    const allowed = await http2Request(session, '/ping', { origin: SITE_ORIGIN })
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE_ORIGIN)
    const other = await http2Request(session, '/ping', { origin: 'https://evil.example' })
    expect(other.status).toBe(200)
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('allows extra origins given in the corsOrigins option', async () => {
    const extraDir = await mkdtemp(path.join(tmpdir(), 'parley-cors-'))
    const other = await startLake({
      port: 0,
      dataDir: extraDir,
      durability: 'normal',
      corsOrigins: ['https://studio.example.com'],
    })
    try {
      const response = await fetch(`${other.url}/ping`, {
        method: 'OPTIONS',
        headers: { origin: 'https://studio.example.com', 'access-control-request-method': 'GET' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('https://studio.example.com')
    } finally {
      await other.close()
      await rm(extraDir, { recursive: true, force: true })
    }
  })
})

describe('a busy TLS port', () => {
  test('fails the start with an error naming the port', async () => {
    const busyDir = await mkdtemp(path.join(tmpdir(), 'parley-busy-'))
    try {
      await expect(
        startLake({ port: 0, tlsPort: lake.tlsPort as number, dataDir: busyDir, durability: 'normal' }),
      ).rejects.toThrow(String(lake.tlsPort))
    } finally {
      await rm(busyDir, { recursive: true, force: true })
    }
  })
})
