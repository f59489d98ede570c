// The CLI's command table: one file per command; helpers add `import`/`export` here.
import type { ParsedArguments } from './arguments.ts'
import { serve } from './serve.ts'

export type Command = { summary: string; run: (args: ParsedArguments) => Promise<void> }

export const commands: Record<string, Command> = {
  serve: { summary: 'serve the lake over HTTP (the default): [--port P] [--tls-port Q] [--data DIR] [--host H] [--studio-dir DIR] [--webhooks FILE]', run: serve },
}
