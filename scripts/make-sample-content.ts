// Builds content/parley-sample.tar.gz (the dataset a fresh install starts with) from content/source/, drawing every image itself.
import path from 'node:path'
import { AssetCollection } from '../content/build/assetCollection.ts'
import { buildDocuments } from '../content/build/documents.ts'
import { writeExportArchive } from '../content/build/exportArchive.ts'

const target = path.resolve(import.meta.dirname, '../content/parley-sample.tar.gz')

const assets = new AssetCollection()
const documents = await buildDocuments(assets)
const { bytes } = await writeExportArchive(target, documents, assets)
const count = (type: string) => documents.filter((document) => document._type === type).length
console.log(
  `Wrote ${path.relative(process.cwd(), target)}: ${documents.length} documents (${count('interview')} interviews, ${count('person')} people, ${count('topic')} topics, ${count('series')} series, site settings) and ${assets.images.size} images, ${(bytes / 1024).toFixed(0)} KiB`,
)
