// Lets the site see every response `next start` writes, for the few decisions Next.js gives pages no say in.
import { Server, type ServerResponse } from 'node:http'

export type ResponseHook = (res: ServerResponse) => void

const installed = Symbol.for('parley.response-hooks')

/** Runs the hooks on every response of every HTTP server in this process (the one `next start` runs), once each. */
export function installResponseHooks(...hooks: ResponseHook[]): void {
  const prototype = Server.prototype as Server & { [installed]?: true }
  if (prototype[installed]) return
  prototype[installed] = true
  const emit = prototype.emit
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') for (const hook of hooks) hook(args[1] as ServerResponse)
    return (emit as (...args: unknown[]) => boolean).call(this, event, ...args)
  } as Server['emit']
}
