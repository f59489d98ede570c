// `npm run lake -- [command] [options]`: dispatches to lake/cli/<command>.ts (default: serve).
import { parseArguments } from './cli/arguments.ts'
import { commands } from './cli/commands.ts'

let args: ReturnType<typeof parseArguments>
try {
  args = parseArguments(process.argv.slice(2))
} catch (error) {
  // util.parseArgs names the unknown flag or the missing value.
  console.error(`${(error as Error).message}\nnpm run lake -- --help lists the commands and their flags.`)
  process.exit(2)
}
const name = args.command ?? 'serve'
const command = commands[name]

if (args.flags.has('help') || !command) {
  if (!command) console.error(`Unknown command "${name}".`)
  console.log('Usage: npm run lake -- [command] [options]\n')
  for (const [commandName, { summary }] of Object.entries(commands))
    console.log(`  ${commandName.padEnd(8)} ${summary}`)
  process.exit(command ? 0 : 2)
}

command.run(args).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
