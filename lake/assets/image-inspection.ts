// Decodes an uploaded image completely with sharp and derives Sanity's image metadata from it.
import sharp, { type Metadata, type Sharp } from 'sharp'
import { buildPalette, type ImagePalette } from './palette.ts'

export type ImageMetadata = {
  _type: 'sanity.imageMetadata'
  dimensions: { _type: 'sanity.imageDimensions'; width: number; height: number; aspectRatio: number }
  lqip: string
  palette: ImagePalette
  hasAlpha: boolean
  isOpaque: boolean
}

export type InspectedImage = {
  mimeType: string
  extension: string
  width: number
  height: number
  metadata: ImageMetadata
}

/** Raised when bytes posted as an image are not a complete, decodable image. */
export class InvalidImageError extends Error {}

// The formats Sanity's image pipeline accepts as image assets, keyed by sharp's format name.
const imageFormats: Record<string, { mimeType: string; extension: string }> = {
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  png: { mimeType: 'image/png', extension: 'png' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
  gif: { mimeType: 'image/gif', extension: 'gif' },
  tiff: { mimeType: 'image/tiff', extension: 'tif' },
  svg: { mimeType: 'image/svg+xml', extension: 'svg' },
}

/** Largest image accepted on upload, in pixels (Sanity's own ceiling is in the same range). */
export const MAX_UPLOAD_PIXELS = 100_000_000

const LQIP_WIDTH = 20
const PALETTE_WIDTH = 64

export async function inspectImage(bytes: Buffer): Promise<InspectedImage> {
  // failOn 'error' makes a truncated JPEG/PNG fail instead of decoding to grey padding.
  const open = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_UPLOAD_PIXELS, animated: false })
  let info: Metadata
  try {
    // The header alone (no pixel limit) says how large the image claims to be: refuse a decompression bomb by name.
    info = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw new InvalidImageError(
      `The uploaded file is not an image sharp can read (${describe(error)}); upload it as a file instead`,
    )
  }
  const format =
    info.format === 'heif' && info.compression === 'av1'
      ? { mimeType: 'image/avif', extension: 'avif' }
      : imageFormats[info.format ?? '']
  if (!format)
    throw new InvalidImageError(
      `Image format "${info.format}" is not supported; use JPEG, PNG, WebP, GIF, AVIF, TIFF or SVG`,
    )
  const width = info.autoOrient?.width ?? info.width
  const height = info.autoOrient?.height ?? info.height
  if (!width || !height) throw new InvalidImageError('The image has no dimensions')
  if (width * height > MAX_UPLOAD_PIXELS)
    throw new InvalidImageError(
      `The image is ${width}x${height} pixels; images may have at most ${MAX_UPLOAD_PIXELS} pixels`,
    )

  try {
    // One decode, shrunk on load (cheap for JPEG), reads every byte of the image: a truncated or corrupt body
    // fails here, before anything is stored. The palette and the lqip come from this thumbnail.
    const thumbnailWidth = Math.min(PALETTE_WIDTH, width)
    const { data: thumbnail, info: thumbnailInfo } = await open()
      .autoOrient()
      .resize({ width: thumbnailWidth })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const hasAlpha = Boolean(info.hasAlpha)
    const lqipFormat = hasAlpha ? 'png' : 'jpeg'
    const raw = { raw: { width: thumbnailInfo.width, height: thumbnailInfo.height, channels: 4 as const } }
    const small = sharp(thumbnail, raw).resize({ width: Math.min(LQIP_WIDTH, thumbnailInfo.width) })
    const lqipBytes = await (hasAlpha ? small.png() : small.removeAlpha().jpeg({ quality: 60 })).toBuffer()
    return {
      ...format,
      width,
      height,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height },
        lqip: `data:image/${lqipFormat};base64,${lqipBytes.toString('base64')}`,
        palette: buildPalette(thumbnail),
        hasAlpha,
        isOpaque: hasAlpha ? await everyPixelOpaque(open()) : true,
      },
    }
  } catch (error) {
    throw new InvalidImageError(`The image is truncated or corrupt (${describe(error)}); nothing was stored`)
  }
}

/** An alpha channel may still be fully opaque: check it at full size, since one transparent pixel matters. */
async function everyPixelOpaque(image: Sharp): Promise<boolean> {
  const alpha = await image.autoOrient().extractChannel('alpha').raw().toBuffer()
  for (let i = 0; i < alpha.length; i++) if ((alpha[i] as number) < 255) return false
  return true
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
}
