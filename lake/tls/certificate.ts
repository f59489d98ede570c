// Provides the browser listener's certificate for localhost/127.0.0.1 (and the project's `<projectId>.localhost`): generated on first start, kept in the data folder, renewed when it nears expiry or when a name is missing.
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises'
import { X509Certificate } from 'node:crypto'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export type TlsCertificate = {
  key: string
  cert: string
  /** SHA-256 fingerprint, printed so an editor can compare it with what the browser shows. */
  fingerprint: string
  keyPath: string
  certPath: string
  created: boolean
}

const ADDRESSES = ['127.0.0.1', '::1']
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000
const VALID_FOR_DAYS = 397 // browsers refuse leaf certificates valid for longer than 398 days

/**
 * Reads `<dataDir>/tls/localhost.{key,crt}`, or creates them when missing, unreadable, wrong or about to expire.
 * `projectId` adds `<projectId>.localhost`: the Studio's SDK calls the project host name it derives from the API host
 * (`https://<projectId>.localhost:<port>`), which browsers resolve to this machine, so that is the lake too.
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  { now = new Date(), projectId }: { now?: Date; projectId?: string } = {},
): Promise<TlsCertificate> {
  const folder = join(dataDir, 'tls')
  const keyPath = join(folder, 'localhost.key')
  const certPath = join(folder, 'localhost.crt')
  const hostNames = ['localhost', ...(projectId ? [`${projectId}.localhost`] : [])]
  const existing = await readUsable(keyPath, certPath, now, hostNames)
  if (existing) return { ...existing, keyPath, certPath, created: false }

  const notAfterDate = new Date(now.getTime() + VALID_FOR_DAYS * 24 * 3600 * 1000)
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'Parley local Content Lake' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 60_000),
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...hostNames.map((value) => ({ type: 2 as const, value })),
            ...ADDRESSES.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  )
  await mkdir(folder, { recursive: true, mode: 0o700 })
  // Written beside and renamed, so a crash never leaves half a key behind.
  await writeFile(`${keyPath}.tmp`, pems.private, { mode: 0o600 })
  await writeFile(`${certPath}.tmp`, pems.cert, { mode: 0o644 })
  await rename(`${keyPath}.tmp`, keyPath)
  await rename(`${certPath}.tmp`, certPath)
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    keyPath,
    certPath,
    created: true,
  }
}

async function readUsable(
  keyPath: string,
  certPath: string,
  now: Date,
  hostNames: string[],
): Promise<{ key: string; cert: string; fingerprint: string } | null> {
  try {
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')])
    const x509 = new X509Certificate(cert)
    if (new Date(x509.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return null
    if (!hostNames.every((name) => x509.checkHost(name)) || !ADDRESSES.every((ip) => x509.checkIP(ip))) return null
    return { key, cert, fingerprint: x509.fingerprint256 }
  } catch {
    return null
  }
}
