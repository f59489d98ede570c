// Opens what `import` was given: a Sanity export (.tar.gz / .tar) or plain NDJSON, and says clearly when it is neither.
import { open, readdir, readFile, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { extract as extractTar } from 'tar'

export type ImportSource = {
  /** The NDJSON text and where it came from (for messages). */
  ndjson: string
  ndjsonName: string
  /** `file://./…` asset paths resolve against this folder. */
  baseDir: string
  /** True for an archive: asset paths must then stay inside it. */
  archive: boolean
  /** assets.json of an export: asset document fields by `<kind>-<sha1>`. */
  assetMeta: Record<string, Record<string, unknown>>
  close(): Promise<void>
}

/** A problem with the import file itself: nothing has been written when this is thrown. */
export class ImportError extends Error {}

async function leadingBytes(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(count)
    const { bytesRead } = await handle.read(buffer, 0, count, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

export async function openImportSource(file: string): Promise<ImportSource> {
  let info
  try {
    info = await stat(file)
  } catch {
    throw new ImportError(`Cannot read "${file}": no such file`)
  }
  if (!info.isFile()) throw new ImportError(`"${file}" is not a file`)
  const head = await leadingBytes(file, 512)
  const gzip = head[0] === 0x1f && head[1] === 0x8b
  const tar = head.subarray(257, 262).toString('latin1') === 'ustar'
  return gzip || tar ? openArchive(file) : openNdjson(file)
}

async function openNdjson(file: string): Promise<ImportSource> {
  const bytes = await readFile(file)
  let text: string
  try {
    if (bytes.includes(0)) throw new Error('NUL byte')
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError(
      `"${file}" is not a Sanity export: it is neither a .tar.gz archive nor NDJSON text (it starts with bytes ${bytes.subarray(0, 8).toString('hex')})`,
    )
  }
  return {
    ndjson: text,
    ndjsonName: path.basename(file),
    baseDir: path.dirname(path.resolve(file)),
    archive: false,
    assetMeta: {},
    close: async () => {},
  }
}

async function openArchive(file: string): Promise<ImportSource> {
  const folder = await mkdtemp(path.join(tmpdir(), 'parley-import-'))
  // Files of a failed extraction may still be closing: retry, and never let clean-up hide the real error.
  const close = () => rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined)
  try {
    try {
      // Only plain files and folders: links in an archive could point anywhere on this machine.
      // tar also refuses absolute paths and `..` by default (preservePaths is off).
      await extractTar({
        file,
        cwd: folder,
        strict: true,
        filter: (_entryPath, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      })
    } catch (error) {
      throw new ImportError(`"${file}" is not a readable .tar.gz archive: ${(error as Error).message}`)
    }
    const dataFile = await findDataFile(folder)
    if (!dataFile)
      throw new ImportError(`"${file}" is an archive but holds no data.ndjson, so it is not a Sanity export`)
    const baseDir = path.dirname(dataFile)
    let assetMeta: Record<string, Record<string, unknown>> = {}
    const assetsJson = path.join(baseDir, 'assets.json')
    const assetsText = await readFile(assetsJson, 'utf8').catch(() => null)
    if (assetsText !== null && assetsText.trim() !== '') {
      try {
        assetMeta = JSON.parse(assetsText)
      } catch (error) {
        throw new ImportError(`assets.json in "${file}" is not valid JSON: ${(error as Error).message}`)
      }
      if (typeof assetMeta !== 'object' || assetMeta === null || Array.isArray(assetMeta))
        throw new ImportError(`assets.json in "${file}" must be a JSON object`)
    }
    const ndjson = await readFile(dataFile, 'utf8')
    return { ndjson, ndjsonName: path.relative(folder, dataFile), baseDir, archive: true, assetMeta, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** data.ndjson at the top of the archive or inside its one top-level folder (`<name>/data.ndjson`, as Sanity writes it). */
async function findDataFile(folder: string): Promise<string | null> {
  const top = await readdir(folder, { withFileTypes: true })
  if (top.some((entry) => entry.isFile() && entry.name === 'data.ndjson')) return path.join(folder, 'data.ndjson')
  const dirs = top.filter((entry) => entry.isDirectory())
  for (const dir of dirs) {
    const inner = await readdir(path.join(folder, dir.name), { withFileTypes: true })
    if (inner.some((entry) => entry.isFile() && entry.name === 'data.ndjson'))
      return path.join(folder, dir.name, 'data.ndjson')
  }
  return null
}
