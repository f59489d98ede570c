// `npm run import -- FILE… [--dry-run] [--publish] [--speaker "NAME, ROLE"]`: bring interview articles into Parley.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createWriteClient } from '../lib/scheduling/write-client.ts'
import { loadEnvironment } from './environment.ts'
import {
  parseSpeakerOption,
  plannedDocuments,
  readArticles,
  writeInterviews,
  type ImportRefusal,
} from '../lib/import/index.ts'

const usage = `Usage: npm run import -- FILE|FOLDER… [--dry-run] [--publish] [--speaker "NAME, ROLE at COMPANY"]

  FILE      a Medium export post (.html), any article HTML, Markdown (.md) or plain text (.txt);
            a FOLDER imports every such file under it (a Medium export's posts/ folder, say)
  --dry-run print the documents as JSON on stdout and write nothing (no network needed)
  --publish write published documents (default: drafts, for an editor to review in the Studio)
  --speaker the speaker, for articles whose introduction does not name them

Images next to the article (relative paths) are uploaded; remote images are dropped with a warning.
Re-importing an article updates the interview it created before (same canonical URL, or same title).
Exit status: 0 all imported, 1 nothing imported, 2 bad command line, 3 some files imported and some refused.`

type Options = { paths: string[]; dryRun: boolean; publish: boolean; speaker?: string }

const options = {
  'dry-run': { type: 'boolean', default: false },
  publish: { type: 'boolean', default: false },
  speaker: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

function parseArguments(args: string[]): Options | string {
  // Not strict, so that the refusal can name the unknown option in this command's own words.
  const { values, positionals, tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  const unknown = tokens.find((token) => token.kind === 'option' && !Object.hasOwn(options, token.name))
  if (unknown?.kind === 'option') return `unknown option ${unknown.rawName}`
  if (values.help) return ''
  if (values.speaker !== undefined && (typeof values.speaker !== 'string' || !values.speaker))
    return '--speaker needs a value, e.g. --speaker "Jane Doe, Staff Engineer at Acme"'
  if (positionals.length === 0) return 'name at least one file or folder to import'
  return {
    paths: positionals,
    dryRun: values['dry-run'] === true,
    publish: values.publish === true,
    ...(values.speaker ? { speaker: values.speaker } : {}),
  }
}

const report = (line: string) => process.stderr.write(`${line}\n`)
const reportRefusals = (refused: ImportRefusal[]) =>
  refused.forEach((refusal) => report(`✗ ${refusal.file}: ${refusal.message}`))

async function main(args: string[]): Promise<number> {
  const options = parseArguments(args)
  if (typeof options === 'string') {
    report(options ? `import: ${options}\n\n${usage}` : usage)
    return options ? 2 : 0
  }
  const speaker = options.speaker ? parseSpeakerOption(options.speaker) : undefined
  const { interviews, refused } = readArticles(options.paths, { speaker })
  for (const interview of interviews) {
    const role = [interview.speaker.role, interview.speaker.company].filter(Boolean).join(' at ')
    const by = interview.interviewer ? `, interviewed by ${interview.interviewer.name}` : ''
    const published = [
      interview.publishedAt ? `published ${interview.publishedAt.slice(0, 10)}` : '',
      interview.publication ? `in ${interview.publication}` : '',
    ].filter(Boolean)
    report(
      `• ${interview.file}: "${interview.title}" — ${interview.speaker.name}${role ? ` (${role})` : ''}${by}${published.length ? `, ${published.join(' ')}` : ''}, ${interview.qa.length} question${interview.qa.length === 1 ? '' : 's'}`,
    )
    for (const warning of interview.warnings) report(`  ! ${warning}`)
  }
  reportRefusals(refused)

  if (options.dryRun) {
    process.stdout.write(`${JSON.stringify(plannedDocuments(interviews, options), null, 2)}\n`)
    report(`Dry run: ${interviews.length} interview${interviews.length === 1 ? '' : 's'} read, nothing written.`)
    return exitStatus(interviews.length, refused.length)
  }
  if (interviews.length === 0) {
    report('Nothing imported.')
    return 1
  }
  const client = createWriteClient(loadEnvironment(resolve(import.meta.dirname, '..')).env)
  const result = await writeInterviews(client, interviews, options)
  reportRefusals(result.refused)
  for (const written of result.written) {
    const personLabel = (match: { id: string; created: boolean }) =>
      `${match.created ? 'new' : 'existing'} person ${match.id}`
    const person = `speaker: ${personLabel(written.person)}${written.interviewer ? `, interviewer: ${personLabel(written.interviewer)}` : ''}`
    const images = written.images ? `, ${written.images} image${written.images === 1 ? '' : 's'} uploaded` : ''
    report(`✓ ${written.file} → ${written.id} (${written.operation}; ${person}${images})`)
  }
  const failed = refused.length + result.refused.length
  report(
    result.written.length === 0
      ? 'Nothing imported.'
      : `Imported ${result.written.length} interview${result.written.length === 1 ? '' : 's'} as ${options.publish ? 'published documents' : 'drafts'} in transaction ${result.transactionId}.`,
  )
  return exitStatus(result.written.length, failed)
}

function exitStatus(imported: number, refused: number): number {
  if (imported === 0) return 1
  return refused > 0 ? 3 : 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    report(`import: ${error.message} — nothing was written`)
    process.exit(1)
  },
)
