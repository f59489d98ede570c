// Keeps asset bytes on disk under <dataDir>/assets/<dataset>/, named so that no request can reach outside it.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { datasetNameProblem } from '../mutations/identifiers.ts'

export type AssetKind = 'image' | 'file'

/** The file name Sanity gives an asset's bytes: `{sha1}-{w}x{h}.{ext}` for images, `{sha1}.{ext}` for files. */
export type AssetFileName = { kind: AssetKind; sha1: string; extension: string; width?: number; height?: number }

const sha1Pattern = /^[a-f0-9]{40}$/
const extensionPattern = /^[a-z0-9]{1,10}$/
const imageNamePattern = /^([a-f0-9]{40})-([1-9][0-9]{0,5})x([1-9][0-9]{0,5})\.([a-z0-9]{1,10})$/
const fileNamePattern = /^([a-f0-9]{40})\.([a-z0-9]{1,10})$/

/** Dataset names (the core's rule) never contain `/`, `.` or `\\`, so they are safe as folder names. */
export function isDatasetName(name: string): boolean {
  return datasetNameProblem(name) === null
}

/** Parses `{sha1}-{w}x{h}.{ext}` / `{sha1}.{ext}`; anything else (`..`, slashes, encodings) is null. */
export function parseAssetFileName(kind: AssetKind, name: string): AssetFileName | null {
  if (kind === 'image') {
    const match = imageNamePattern.exec(name)
    if (!match) return null
    return {
      kind,
      sha1: match[1] as string,
      width: Number(match[2]),
      height: Number(match[3]),
      extension: match[4] as string,
    }
  }
  const match = fileNamePattern.exec(name)
  return match ? { kind, sha1: match[1] as string, extension: match[2] as string } : null
}

export function formatAssetFileName(name: AssetFileName): string {
  if (!sha1Pattern.test(name.sha1) || !extensionPattern.test(name.extension))
    throw new Error(`Invalid asset file name parts: ${JSON.stringify(name)}`)
  return name.kind === 'image'
    ? `${name.sha1}-${name.width}x${name.height}.${name.extension}`
    : `${name.sha1}.${name.extension}`
}

/** The asset folder of one data directory. Every path it hands out is checked to stay inside it. */
export class AssetFiles {
  readonly root: string

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'assets')
  }

  private inside(...parts: string[]): string {
    const resolved = path.resolve(this.root, ...parts)
    if (resolved !== this.root && !resolved.startsWith(this.root + path.sep))
      throw new Error(`Path escapes the asset folder: ${parts.join('/')}`)
    return resolved
  }

  private datasetDir(dataset: string): string {
    if (!isDatasetName(dataset)) throw new Error(`Invalid dataset name "${dataset}"`)
    return this.inside(dataset)
  }

  /** Removes every stored byte of a dataset (when the dataset itself is deleted). */
  async removeDataset(dataset: string): Promise<void> {
    await rm(this.datasetDir(dataset), { recursive: true, force: true })
  }

  /** Where an asset's original bytes live. */
  originalPath(dataset: string, name: AssetFileName): string {
    return path.join(this.datasetDir(dataset), `${name.kind}s`, formatAssetFileName(name))
  }

  /** Where one transformed variant of an image is cached (`key` is a hex digest of the normalised transform). */
  variantPath(dataset: string, sha1: string, key: string, extension: string): string {
    if (!sha1Pattern.test(sha1) || !/^[a-f0-9]{16,64}$/.test(key) || !extensionPattern.test(extension))
      throw new Error('Invalid variant name')
    return path.join(this.datasetDir(dataset), 'variants', sha1, `${key}.${extension}`)
  }

  /** Finds the stored original with this sha1, whatever its extension or dimensions (de-duplication by content). */
  async findBySha1(dataset: string, kind: AssetKind, sha1: string): Promise<AssetFileName | null> {
    if (!sha1Pattern.test(sha1)) return null
    let names: string[]
    try {
      names = await readdir(path.join(this.datasetDir(dataset), `${kind}s`))
    } catch {
      return null
    }
    const found = names.find((name) => name.startsWith(sha1))
    return found ? parseAssetFileName(kind, found) : null
  }

  async exists(filePath: string): Promise<boolean> {
    try {
      return (await stat(filePath)).isFile()
    } catch {
      return false
    }
  }

  /** Writes through a temporary file and a rename, so a reader never sees half a file. Returns false if it was already there. */
  async writeOnce(filePath: string, bytes: Buffer): Promise<boolean> {
    if (await this.exists(filePath)) return false
    await mkdir(path.dirname(filePath), { recursive: true })
    const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temporary, bytes)
    await rename(temporary, filePath)
    return true
  }

  async remove(filePath: string): Promise<void> {
    await rm(this.inside(path.relative(this.root, filePath)), { force: true })
  }
}
