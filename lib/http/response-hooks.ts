// Lets the site see every request `next start` answers, for the few decisions Next.js gives pages no say in.
import { Server, type ServerResponse } from 'node:http'

/** Sees a response (its request is `res.req`) before Next.js does; returns true if it answered it, so Next never sees it. */
export type ResponseHook = (res: ServerResponse) => boolean | void

const installed = Symbol.for('parley.response-hooks')

/** Runs the hooks, in order, on every request of every HTTP server in this process (the one `next start` runs), once each. */
export function installResponseHooks(...hooks: ResponseHook[]): void {
  const prototype = Server.prototype as Server & { [installed]?: true }
  if (prototype[installed]) return
  prototype[installed] = true
  const emit = prototype.emit
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') for (const hook of hooks) if (hook(args[1] as ServerResponse)) return true
    return (emit as (...args: unknown[]) => boolean).call(this, event, ...args)
  } as Server['emit']
}
