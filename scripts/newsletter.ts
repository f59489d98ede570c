// `npm run newsletter -- list [--json] | export [<email>] | remove <email>`: subscribers' data on request, for the
// people who run the site (it prints addresses; it needs SANITY_API_WRITE_TOKEN and NEWSLETTER_SECRET).
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { newsletterClients } from '../lib/newsletter/clients.ts'
import { exportSubscriber, listSubscribers, removeSubscriber } from '../lib/newsletter/commands.ts'
import { newsletterConfig } from '../lib/newsletter/config.ts'
import { exitWithFailure } from './command-failure.ts'
import { loadEnvironment } from './environment.ts'

const { env } = loadEnvironment(resolve(import.meta.dirname, '..'))

const usage = `Usage:
  npm run newsletter -- list [--json]     every subscriber with an address (pending or confirmed)
  npm run newsletter -- export [<email>]  everything stored about one address (or every subscriber) as JSON
  npm run newsletter -- remove <email>    erase an address and the log of what was sent to it`

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    console.log(usage)
    return values.help ? 0 : 2
  }
  const config = newsletterConfig(env)
  const { newsletter } = newsletterClients(env)
  if (command === 'list' && rest.length === 0) {
    const rows = await listSubscribers(newsletter)
    if (values.json) console.log(JSON.stringify(rows, null, 2))
    else if (rows.length === 0) console.log('No subscribers.')
    else
      for (const row of rows)
        console.log(`${row.status.padEnd(10)} ${row.confirmedAt ?? row.requestedAt ?? ''}  ${row.email}`)
    return 0
  }
  if (command === 'export' && rest.length <= 1) {
    if (rest.length === 0) {
      console.log(JSON.stringify(await listSubscribers(newsletter), null, 2))
      return 0
    }
    const found = await exportSubscriber(newsletter, config.secret, rest[0]!)
    if (!found) {
      console.error(`newsletter: nothing is stored about ${rest[0]}.`)
      return 1
    }
    console.log(JSON.stringify(found, null, 2))
    return 0
  }
  if (command === 'remove' && rest.length === 1) {
    const removed = await removeSubscriber(newsletter, config.secret, rest[0]!)
    if (removed === 0) {
      console.error(`newsletter: nothing is stored about ${rest[0]}; nothing removed.`)
      return 1
    }
    console.log(`Removed ${rest[0]}: ${removed} document(s) (the subscriber and the log of its emails).`)
    return 0
  }
  console.error(usage)
  return 2
}

main(process.argv.slice(2)).then((code) => process.exit(code), exitWithFailure('newsletter', env.SANITY_API_HOST))
