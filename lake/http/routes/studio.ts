// Serves the built Studio (a static single-page app) at /studio on the lake's own origins, so the editor meets the certificate prompt on the page they opened and the Studio's API calls stay same-origin over HTTP/2.
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { contentType } from 'mime-types'
import { notFound } from '../errors.ts'
import type { Reply, Route } from '../router.ts'

/**
 * The Studio the lake serves talks to this machine only. Sanity 6.16 has two calls out with no setting to turn them off
 * (the version check of PackageVersionStatusProvider to sanity-cdn.com, the feedback tunnel probe of ResourcesButton to
 * api.sanity.io); on an offline machine they could only fail, so the browser is told not to send them. 'self' is the
 * Studio's own origin, where its API calls go; the rest are the site, the lake's plain-HTTP port and the project host
 * name (parley.localhost), all on loopback.
 */
export const STUDIO_CONTENT_SECURITY_POLICY = [
  'connect-src',
  "'self'",
  // (CSP host sources have no syntax for IPv6 literals such as [::1].)
  ...['localhost', '127.0.0.1', '*.localhost'].flatMap((host) =>
    ['http', 'https', 'ws', 'wss'].map((scheme) => `${scheme}://${host}:*`),
  ),
].join(' ')

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest'])

/** `sanity build` (Vite) names bundles `name-<8-character hash>.js|css` under static/ (and vendor/); icons and the manifest there are not hashed. */
export function isHashedAsset(relativePath: string): boolean {
  return /^(static|vendor)\/(.*\/)?[^/]*-[A-Za-z0-9_-]{8}\.(js|mjs|css|woff2?)$/.test(relativePath)
}

/** Maps a URL path below /studio to a file inside the Studio folder; null when it would leave the folder. */
export function studioFilePath(studioDir: string, rest: string): string | null {
  const root = resolve(studioDir)
  const segments = rest.split('/').filter(Boolean)
  if (segments.some((segment) => segment === '..' || segment.includes('\0') || segment.includes('\\'))) return null
  const target = resolve(root, ...segments)
  return target === root || target.startsWith(root + sep) ? target : null
}

type CachedFile = { mtimeMs: number; bytes: Buffer; gzipped: Buffer | null; etag: string }

export function studioRoutes(studioDir: string): Route[] {
  const cache = new Map<string, CachedFile>()

  async function load(path: string): Promise<CachedFile | null> {
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) return null
    const cached = cache.get(path)
    if (cached && cached.mtimeMs === info.mtimeMs) return cached
    const bytes = await readFile(path)
    const gzipped = COMPRESSIBLE.has(extname(path)) && bytes.length > 1024 ? gzipSync(bytes) : null
    const entry = {
      mtimeMs: info.mtimeMs,
      bytes,
      gzipped,
      etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
    }
    cache.set(path, entry)
    return entry
  }

  async function serve(
    rest: string,
    acceptEncoding: string,
    ifNoneMatch: string | undefined,
    appRoutes = true,
  ): Promise<Reply> {
    let relative = rest.split('/').filter(Boolean).join('/')
    let path = studioFilePath(studioDir, relative)
    if (path === null) throw notFound(`No Studio file at /studio/${rest}: the path leaves the Studio folder`)
    let file = relative === '' ? null : await load(path)
    if (!file) {
      // Client-side routes (/studio/structure/interview;abc) have no file: the app's index.html handles them.
      // A missing file with an extension is a real 404, so a broken bundle link is not masked by HTML.
      if (!appRoutes || (relative !== '' && extname(relative) !== '' && !relative.includes(';')))
        throw notFound(`No Studio file at /studio/${relative}`)
      relative = 'index.html'
      path = join(resolve(studioDir), 'index.html')
      file = await load(path)
      if (!file)
        throw notFound(
          `The Studio is not built: ${path} is missing. Run the Studio build (sanity build) into ${studioDir}.`,
        )
    }
    const headers: Record<string, string> = {
      'content-type': contentType(extname(path)) || 'application/octet-stream',
      'cache-control': isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: file.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      ...(extname(path) === '.html' ? { 'content-security-policy': STUDIO_CONTENT_SECURITY_POLICY } : {}),
    }
    if (ifNoneMatch === file.etag) return { status: 304, headers, raw: '' }
    if (file.gzipped && /\bgzip\b/.test(acceptEncoding))
      return { headers: { ...headers, 'content-encoding': 'gzip' }, raw: file.gzipped }
    return { headers, raw: file.bytes }
  }

  const handle = ({
    params,
    req,
  }: {
    params: Record<string, string>
    req: { headers: Record<string, string | string[] | undefined> }
  }) =>
    serve(
      params.rest ?? '',
      String(req.headers['accept-encoding'] ?? ''),
      req.headers['if-none-match'] as string | undefined,
    )

  return [
    { method: 'GET', path: '/studio', handle },
    { method: 'GET', path: '/studio/*rest', handle },
    // The Studio's HTML links its icons and web manifest at /static/… whatever its base path.
    {
      method: 'GET',
      path: '/static/*rest',
      handle: ({ params, req }) =>
        serve(
          `static/${params.rest ?? ''}`,
          String(req.headers['accept-encoding'] ?? ''),
          req.headers['if-none-match'] as string | undefined,
          false,
        ),
    },
  ]
}
