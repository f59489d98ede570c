// Renders one variant of a stored image with sharp: crop rectangle, orientation, resize by fit mode, effects, output format.
import sharp, { type Sharp } from 'sharp'
import { badRequest } from '../http/errors.ts'
import {
  MAX_OUTPUT_EDGE,
  MAX_OUTPUT_PIXELS,
  type CropMode,
  type ImageTransform,
  type OutputFormat,
} from './transform-params.ts'

type Size = { width: number; height: number }

/** How the (cropped, oriented) source becomes the output: computed up front so absurd sizes are refused before any work. */
export type ResizePlan =
  | { kind: 'none'; width: number; height: number }
  | { kind: 'stretch'; width: number; height: number }
  | { kind: 'cover'; width: number; height: number; crop: CropMode[]; focalPoint?: { x: number; y: number } }
  | { kind: 'pad'; width: number; height: number; inner: Size }

export const contentTypes: Record<OutputFormat, string> = {
  jpg: 'image/jpeg',
  pjpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}

/** The format to answer with: `auto=format` follows the Accept header, then `fm`, then the original's own format. */
export function chooseOutputFormat(
  transform: ImageTransform,
  originalExtension: string,
  accept: string | undefined,
): OutputFormat {
  if (transform.autoFormat && accept) {
    if (/image\/avif/i.test(accept)) return 'avif'
    if (/image\/webp/i.test(accept)) return 'webp'
  }
  if (transform.format) return transform.format
  const own: Record<string, OutputFormat> = { jpg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' }
  // Formats browsers cannot all show (TIFF) or that must be rasterised to be resized (SVG) become JPEG/PNG.
  return own[originalExtension] ?? (originalExtension === 'svg' ? 'png' : 'jpg')
}

export function planResize(source: Size, transform: ImageTransform): ResizePlan {
  const dpr = transform.dpr
  const width = transform.width !== undefined ? Math.round(transform.width * dpr) : undefined
  const height = transform.height !== undefined ? Math.round(transform.height * dpr) : undefined
  const noUpscale = transform.fit === 'max' || transform.fit === 'fillmax' || transform.fit === 'min'
  if (width === undefined && height === undefined) {
    // max-w/max-h alone bound the original without enlarging it.
    const bound =
      Math.min(
        1,
        transform.maxWidth ? transform.maxWidth / source.width : 1,
        transform.maxHeight ? transform.maxHeight / source.height : 1,
      ) * dpr
    return guard(bound === 1 ? { kind: 'none', ...source } : { kind: 'stretch', ...scaled(source, bound) })
  }
  if (width === undefined || height === undefined) {
    let scale = width !== undefined ? width / source.width : (height as number) / source.height
    if (noUpscale) scale = Math.min(scale, 1)
    return guard({ kind: 'stretch', ...scaled(source, scale) })
  }
  switch (transform.fit) {
    case 'clip':
      return guard({ kind: 'stretch', ...scaled(source, Math.min(width / source.width, height / source.height)) })
    case 'max':
      return guard({ kind: 'stretch', ...scaled(source, Math.min(1, width / source.width, height / source.height)) })
    case 'scale':
      return guard({ kind: 'stretch', width, height })
    case 'crop':
      return guard({ kind: 'cover', width, height, crop: transform.crop, focalPoint: transform.focalPoint })
    case 'min': {
      // The requested aspect ratio, but never larger than the source.
      const shrink = Math.min(1, source.width / width, source.height / height)
      return guard({
        kind: 'cover',
        width: Math.max(1, Math.round(width * shrink)),
        height: Math.max(1, Math.round(height * shrink)),
        crop: transform.crop,
        focalPoint: transform.focalPoint,
      })
    }
    case 'fill':
      return guard({
        kind: 'pad',
        width,
        height,
        inner: scaled(source, Math.min(width / source.width, height / source.height)),
      })
    case 'fillmax':
      return guard({
        kind: 'pad',
        width,
        height,
        inner: scaled(source, Math.min(1, width / source.width, height / source.height)),
      })
  }
}

function scaled(source: Size, scale: number): Size {
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  }
}

function guard(plan: ResizePlan): ResizePlan {
  if (plan.width > MAX_OUTPUT_EDGE || plan.height > MAX_OUTPUT_EDGE || plan.width * plan.height > MAX_OUTPUT_PIXELS) {
    throw badRequest(
      'imageTooLarge',
      `The requested image would be ${plan.width}x${plan.height} pixels; the limit is ${MAX_OUTPUT_EDGE} pixels a side and ${MAX_OUTPUT_PIXELS} pixels in total`,
    )
  }
  return plan
}

/** RGB/ARGB hex (imgix order: alpha first) to sharp's colour object. */
function parseBackground(
  hex: string | undefined,
  fallbackAlpha: number,
): { r: number; g: number; b: number; alpha: number } {
  if (!hex) return { r: 255, g: 255, b: 255, alpha: fallbackAlpha }
  const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex
  const withAlpha = full.length === 8 ? full : `ff${full}`
  const byte = (index: number) => parseInt(withAlpha.slice(index, index + 2), 16)
  return { alpha: byte(0) / 255, r: byte(2), g: byte(4), b: byte(6) }
}

function gravity(crop: CropMode[]): string | number {
  if (crop.includes('entropy')) return sharp.strategy.entropy
  const vertical = crop.includes('top') ? 'top' : crop.includes('bottom') ? 'bottom' : ''
  const horizontal = crop.includes('left') ? 'left' : crop.includes('right') ? 'right' : ''
  return [horizontal, vertical].filter(Boolean).join(' ') || 'centre'
}

/**
 * Renders the variant. `original` is the stored asset's oriented size (from its file name), used to check `rect`.
 * Steps that sharp cannot chain in one pipeline (crop rectangle, rotation, then a focal-point crop) run as two passes.
 */
export async function renderVariant(
  bytes: Buffer,
  original: Size,
  transform: ImageTransform,
  format: OutputFormat,
): Promise<Buffer> {
  const open = () => sharp(bytes, { failOn: 'none', limitInputPixels: 268_402_689, density: 72 }).autoOrient()
  let source: Size = { ...original }
  let pipeline: Sharp
  const rect = transform.rect
  if (rect && (rect.left + rect.width > original.width || rect.top + rect.height > original.height)) {
    throw badRequest(
      'invalidImageParameter',
      `Image parameter "rect" (${rect.left},${rect.top},${rect.width},${rect.height}) reaches outside the ${original.width}x${original.height} image`,
    )
  }
  if (rect || transform.orientation || transform.flip) {
    let first = open()
    if (rect) first = first.extract(rect)
    if (transform.orientation) first = first.rotate(transform.orientation)
    if (transform.flip.includes('h')) first = first.flop()
    if (transform.flip.includes('v')) first = first.flip()
    const { data, info } = await first.raw().toBuffer({ resolveWithObject: true })
    source = { width: info.width, height: info.height }
    pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
  } else {
    pipeline = open()
  }

  const plan = planResize(source, transform)
  const opaqueOutput = format === 'jpg' || format === 'pjpg'
  const background = parseBackground(transform.background, opaqueOutput ? 1 : 0)
  if (plan.kind === 'stretch') {
    pipeline = pipeline.resize(plan.width, plan.height, { fit: 'fill' })
  } else if (plan.kind === 'cover' && transform.crop.includes('focalpoint') && plan.focalPoint) {
    // Scale to cover, then cut the window centred on the focal point, kept inside the image.
    const scale = Math.max(plan.width / source.width, plan.height / source.height)
    const coverWidth = Math.max(plan.width, Math.round(source.width * scale))
    const coverHeight = Math.max(plan.height, Math.round(source.height * scale))
    const left = Math.min(
      coverWidth - plan.width,
      Math.max(0, Math.round(plan.focalPoint.x * coverWidth - plan.width / 2)),
    )
    const top = Math.min(
      coverHeight - plan.height,
      Math.max(0, Math.round(plan.focalPoint.y * coverHeight - plan.height / 2)),
    )
    pipeline = pipeline
      .resize(coverWidth, coverHeight, { fit: 'fill' })
      .extract({ left, top, width: plan.width, height: plan.height })
  } else if (plan.kind === 'cover') {
    pipeline = pipeline.resize(plan.width, plan.height, { fit: 'cover', position: gravity(plan.crop) })
  } else if (plan.kind === 'pad') {
    const horizontal = plan.width - plan.inner.width
    const vertical = plan.height - plan.inner.height
    pipeline = pipeline.resize(plan.inner.width, plan.inner.height, { fit: 'fill' }).extend({
      left: Math.floor(horizontal / 2),
      right: Math.ceil(horizontal / 2),
      top: Math.floor(vertical / 2),
      bottom: Math.ceil(vertical / 2),
      background,
    })
  }

  if (transform.blur) pipeline = pipeline.blur(Math.min(100, 0.3 + transform.blur / 10))
  if (transform.sharpen) pipeline = pipeline.sharpen({ sigma: 0.5 + transform.sharpen / 50 })
  if (transform.saturation) pipeline = pipeline.modulate({ saturation: 1 + transform.saturation / 100 })
  if (transform.invert) pipeline = pipeline.negate({ alpha: false })
  if (opaqueOutput || transform.background) pipeline = pipeline.flatten({ background })

  const quality = transform.quality
  switch (format) {
    case 'jpg':
      return pipeline.jpeg({ quality: quality ?? 75 }).toBuffer()
    case 'pjpg':
      return pipeline.jpeg({ quality: quality ?? 75, progressive: true }).toBuffer()
    case 'png':
      return pipeline.png().toBuffer()
    case 'webp':
      return pipeline.webp({ quality: quality ?? 75 }).toBuffer()
    // effort 2: AVIF's default effort costs seconds per image on two shared cores for little gain.
    case 'avif':
      return pipeline.avif({ quality: quality ?? 50, effort: 2 }).toBuffer()
    case 'gif':
      return pipeline.gif().toBuffer()
  }
}
