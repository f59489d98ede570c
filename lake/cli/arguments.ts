// Splits `npm run lake -- <command> [--flag value]…` into a command, its flags and positional arguments.

export type ParsedArguments = { command: string | null; flags: Map<string, string | true>; positional: string[] }

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const flags = new Map<string, string | true>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1))
      else {
        const next = argv[i + 1]
        if (next !== undefined && !next.startsWith('--')) {
          flags.set(arg.slice(2), next)
          i++
        } else flags.set(arg.slice(2), true)
      }
    } else positional.push(arg)
  }
  const [command = null, ...rest] = positional
  return { command, flags, positional: rest }
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
