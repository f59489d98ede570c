// Everything the lake adds for browsers, wired in one place: the CORS policy, the local sign-in and Studio support routes, the Studio's static files, and the HTTPS + HTTP/2 listener.
import type { LakeContext } from './context.ts'
import type { Route } from './http/router.ts'
import type { RequestHandler } from './http/server.ts'
import { corsPolicy, originsFromEnvironment, type CorsPolicy } from './http/cors.ts'
import { loadEnvironment } from './cli/environment.ts'
import { authRoutes } from './http/routes/auth.ts'
import { studioSupportRoutes } from './http/routes/studio-support.ts'
import { studioRoutes } from './http/routes/studio.ts'
import { editorCredentialFromEnvironment, type EditorCredential } from './auth/credential.ts'
import { createEditorSignIn } from './auth/sign-in.ts'
import { UserSettings } from './auth/user-settings.ts'
import { loadOrCreateCertificate, type TlsCertificate } from './tls/certificate.ts'
import { startTlsListener, type TlsListener } from './tls/listener.ts'
import { createPresenceHub } from './presence/presence-hub.ts'
import type { Server } from 'node:http'

export type BrowserOptions = {
  /** HTTPS + HTTP/2 port for browsers; 0 picks a free one; undefined = no TLS listener. */
  tlsPort?: number
  /** Folder with the built Studio (index.html + static/), served at /studio. */
  studioDir?: string
  /** Origins allowed besides the site's and the lake's own (CORS and sign-in return URLs); default LAKE_CORS_ORIGINS. */
  corsOrigins?: readonly string[]
  /** The site's port, whose origin is allowed by default. Default 3000. */
  sitePort?: number
  /** The local editor's sign-in; default LAKE_EDITOR_EMAIL / LAKE_EDITOR_PASSWORD (environment, then .env.local, then .env). */
  editorCredential?: EditorCredential
}

export type BrowserSupport = {
  routes: Route[]
  cors: CorsPolicy
  /** Call once the plain port is listening: opens the TLS listener, allows the lake's own origins, takes WebSocket upgrades. */
  listen(handler: RequestHandler, plainPort: number, host: string, plainServer?: Server): Promise<BrowserListener>
}

export type BrowserListener = {
  /** `https://localhost:<port>` (localhost, not 127.0.0.1, so the certificate prompt names the host the editor expects). */
  tlsUrl: string | null
  tlsPort: number | null
  studioUrl: string | null
  certificate: TlsCertificate | null
  close(): Promise<void>
}

export function browserSupport(context: LakeContext, options: BrowserOptions): BrowserSupport {
  // Read like every other setting, so a password set in .env.local is the one the lake checks.
  const environment: Record<string, string | undefined> =
    options.editorCredential && options.corsOrigins ? {} : loadEnvironment()
  const cors = corsPolicy({
    sitePort: options.sitePort ?? 3000,
    extraOrigins: options.corsOrigins ?? originsFromEnvironment(environment.LAKE_CORS_ORIGINS),
  })
  const signIn = createEditorSignIn({
    db: context.store.db,
    credential: options.editorCredential ?? editorCredentialFromEnvironment(environment),
    allowedOrigins: cors.allowedOrigins,
  })
  context.tokenResolvers.push(signIn.tokenResolver)
  const routes = [
    ...authRoutes(signIn),
    ...studioSupportRoutes(signIn, new UserSettings(context.store.db)),
    ...(options.studioDir ? studioRoutes(options.studioDir) : []),
  ]
  return {
    routes,
    cors,
    async listen(handler, plainPort, host, plainServer) {
      // The Studio's presence channel; tokens resolve as for any request (session, write or read token).
      const presence = createPresenceHub((token) => {
        for (const resolve of context.tokenResolvers) {
          const access = resolve(token)
          if (access) return access
        }
        return null
      })
      const onUpgrade = presence.handleUpgrade
      plainServer?.on('upgrade', onUpgrade)
      const allowed = cors.allowedOrigins as Set<string>
      for (const name of ['localhost', '127.0.0.1']) allowed.add(`http://${name}:${plainPort}`)
      let listener: TlsListener | null = null
      let certificate: TlsCertificate | null = null
      if (options.tlsPort !== undefined) {
        certificate = await loadOrCreateCertificate(context.dataDir, { projectId: context.projectId })
        listener = await startTlsListener({ port: options.tlsPort, host, certificate, handler, onUpgrade }).catch(
          (error: unknown) => {
            presence.close()
            throw error
          },
        )
        for (const name of ['localhost', '127.0.0.1']) allowed.add(`https://${name}:${listener.port}`)
      }
      const tlsUrl = listener ? `https://localhost:${listener.port}` : null
      const base = tlsUrl ?? `http://localhost:${plainPort}`
      return {
        tlsUrl,
        tlsPort: listener?.port ?? null,
        studioUrl: options.studioDir ? `${base}/studio/` : null,
        certificate,
        close: async () => {
          presence.close()
          await listener?.close()
        },
      }
    },
  }
}
