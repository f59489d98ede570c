// Splits `npm run lake -- <command> [--flag value]…` into a command, its flags and positional arguments (util.parseArgs).
import { parseArgs } from 'node:util'

/** Every flag any command takes (commands.ts names which one takes which); an unknown flag is an error. */
const options = {
  port: { type: 'string' },
  'tls-port': { type: 'string' },
  data: { type: 'string' },
  host: { type: 'string' },
  'studio-dir': { type: 'string' },
  webhooks: { type: 'string' },
  dataset: { type: 'string' },
  'base-url': { type: 'string' },
  replace: { type: 'boolean' },
  drafts: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export type ParsedArguments = { command: string | null; flags: Map<string, string | true>; positional: string[] }

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  const flags = new Map<string, string | true>()
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== false) flags.set(name, value)
  const [command = null, ...positional] = positionals
  return { command, flags, positional }
}

export function flagString(flags: ParsedArguments['flags'], name: string): string | undefined {
  const value = flags.get(name)
  return typeof value === 'string' ? value : undefined
}

export function portFlag(flags: ParsedArguments['flags'], name: string, fallback: number): number {
  const raw = flagString(flags, name)
  if (raw === undefined) return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--${name} must be a port number (0-65535), got "${raw}"`)
  return port
}
