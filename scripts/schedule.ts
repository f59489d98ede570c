// `npm run schedule -- list | add <slug-or-id> <ISO time> | remove <slug-or-id>`: marketing's schedule for automation.
import { DocumentId, getPublishedId } from '@sanity/id-utils'
import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { addSchedule, listSchedule, removeSchedule } from '../lib/scheduling/commands.ts'
import { createWriteClient } from '../lib/scheduling/write-client.ts'
import { exitWithFailure } from './command-failure.ts'
import { loadEnvironment } from './environment.ts'

const { env } = loadEnvironment(resolve(import.meta.dirname, '..'))

const usage = `Usage:
  npm run schedule -- list
  npm run schedule -- add <slug-or-id> <ISO time, e.g. 2026-12-01T09:00:00Z>
  npm run schedule -- remove <slug-or-id>`

async function main(args: string[]): Promise<number> {
  // A command and its positional arguments, no flags: nothing for util.parseArgs to do.
  const [command, ...rest] = args
  const client = createWriteClient(env)
  if (command === 'list' && rest.length === 0) {
    const schedules = await listSchedule(client)
    if (schedules.length === 0) console.log('Nothing is scheduled.')
    for (const s of schedules) {
      const failed = s.schedule.status === 'failed' ? `  FAILED: ${s.schedule.error ?? ''}` : ''
      console.log(
        `${s.schedule.publishAt}  ${getPublishedId(DocumentId(s._id))}  ${s.slug ?? ''}  "${s.title ?? ''}"  by ${s.schedule.scheduledBy ?? '?'}${failed}`,
      )
    }
    return 0
  }
  if (command === 'add' && rest.length === 2) {
    const scheduled = await addSchedule(client, rest[0]!, rest[1]!, `${userInfo().username} (cli)`)
    console.log(`Scheduled ${scheduled.id} to go live at ${scheduled.publishAt}.`)
    return 0
  }
  if (command === 'remove' && rest.length === 1) {
    const { id } = await removeSchedule(client, rest[0]!)
    console.log(`Unscheduled ${id}; its draft stays as it is.`)
    return 0
  }
  console.error(usage)
  return 2
}

main(process.argv.slice(2)).then((code) => process.exit(code), exitWithFailure('schedule', env.SANITY_API_HOST))
