// Collects the generated images as an export would hold them: files named `<sha1>-<w>x<h>.<ext>`, referenced as `image@file://./images/…`.
import { createHash } from 'node:crypto'
import sharp from 'sharp'

export type CollectedImage = { fileName: string; bytes: Buffer; sha1: string; originalFilename: string }

export class AssetCollection {
  readonly images = new Map<string, CollectedImage>()

  /** Adds an image and returns the `_sanityAsset` pointer that stands in for `asset` in export form. */
  async addImage(bytes: Buffer, originalFilename: string): Promise<string> {
    const { width, height, format } = await sharp(bytes).metadata()
    if (!width || !height || !format) throw new Error(`Generated image ${originalFilename} has no dimensions`)
    const extension = format === 'jpeg' ? 'jpg' : format
    const sha1 = createHash('sha1').update(bytes).digest('hex')
    const fileName = `${sha1}-${width}x${height}.${extension}`
    if (!this.images.has(fileName)) this.images.set(fileName, { fileName, bytes, sha1, originalFilename })
    return `image@file://./images/${fileName}`
  }

  /** assets.json: what the importer cannot recompute from the bytes, by `image-<sha1>`. */
  assetsJson(): Record<string, { originalFilename: string }> {
    return Object.fromEntries(
      [...this.images.values()].map((image) => [`image-${image.sha1}`, { originalFilename: image.originalFilename }]),
    )
  }
}
