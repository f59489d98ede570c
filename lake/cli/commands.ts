// The CLI's command table: one file per command; helpers add `import`/`export` here.
import type { ParsedArguments } from './arguments.ts'
import { exportCommand } from './export.ts'
import { importCommand } from './import.ts'
import { serve } from './serve.ts'

export type Command = { summary: string; run: (args: ParsedArguments) => Promise<void> }

export const commands: Record<string, Command> = {
  serve: {
    summary:
      'serve the lake over HTTP (the default): [--port P] [--tls-port Q] [--data DIR] [--host H] [--studio-dir DIR] [--webhooks FILE]',
    run: serve,
  },
  import: {
    summary: 'import a Sanity export (.tar.gz) or NDJSON: FILE [--dataset D] [--replace] [--data DIR] [--base-url URL]',
    run: importCommand,
  },
  export: {
    summary: 'export a dataset as a Sanity export .tar.gz: FILE [--dataset D] [--drafts] [--data DIR]',
    run: exportCommand,
  },
}
