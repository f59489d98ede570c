// Parses the image transform parameters that @sanity/image-url emits into one validated, normalised value.
import { badRequest } from '../http/errors.ts'

export type Fit = 'clip' | 'crop' | 'fill' | 'fillmax' | 'max' | 'scale' | 'min'
export type OutputFormat = 'jpg' | 'pjpg' | 'png' | 'webp' | 'avif' | 'gif'
export type CropMode = 'top' | 'bottom' | 'left' | 'right' | 'center' | 'focalpoint' | 'entropy'
export type Rect = { left: number; top: number; width: number; height: number }

export type ImageTransform = {
  width?: number
  height?: number
  maxWidth?: number
  maxHeight?: number
  minWidth?: number
  minHeight?: number
  fit: Fit
  crop: CropMode[]
  focalPoint?: { x: number; y: number }
  rect?: Rect
  format?: OutputFormat
  autoFormat: boolean
  quality?: number
  dpr: number
  background?: string
  blur?: number
  sharpen?: number
  saturation?: number
  invert: boolean
  flip: '' | 'h' | 'v' | 'hv'
  orientation: 0 | 90 | 180 | 270
  download?: string
}

/** Largest edge the lake renders, and the largest output in pixels: beyond these a request is refused, not queued. */
export const MAX_OUTPUT_EDGE = 8192
export const MAX_OUTPUT_PIXELS = 40_000_000

const fits: Fit[] = ['clip', 'crop', 'fill', 'fillmax', 'max', 'scale', 'min']
const cropModes: CropMode[] = ['top', 'bottom', 'left', 'right', 'center', 'focalpoint', 'entropy']
const formats: Record<string, OutputFormat> = {
  jpg: 'jpg',
  jpeg: 'jpg',
  pjpg: 'pjpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
}

const invalid = (name: string, expected: string, got: string) =>
  badRequest('invalidImageParameter', `Image parameter "${name}" must be ${expected}, got "${got}"`)

function integer(search: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = search.get(name)
  if (raw === null || raw === '') return undefined
  const value = Number(raw)
  if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value))
    throw invalid(name, `a whole number from ${min} to ${max}`, raw)
  const rounded = Math.round(value)
  if (rounded < min || rounded > max) throw invalid(name, `a whole number from ${min} to ${max}`, raw)
  return rounded
}

function decimal(search: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = search.get(name)
  if (raw === null || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) throw invalid(name, `a number from ${min} to ${max}`, raw)
  return value
}

/** Hex colours as image-url passes them: RGB, ARGB, RRGGBB or AARRGGBB, with or without `#`. */
function colour(search: URLSearchParams, name: string): string | undefined {
  const raw = search.get(name)
  if (raw === null || raw === '') return undefined
  const hex = raw.replace(/^#/, '').toLowerCase()
  if (!/^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex))
    throw invalid(name, 'a hex colour such as ffffff or 80ff0000', raw)
  return hex
}

export function parseImageTransform(search: URLSearchParams): ImageTransform {
  const fitRaw = search.get('fit')
  if (fitRaw && !fits.includes(fitRaw as Fit)) throw invalid('fit', `one of ${fits.join(', ')}`, fitRaw)
  const cropRaw = search.get('crop')
  const crop = cropRaw ? (cropRaw.split(',').map((mode) => mode.trim()) as CropMode[]) : []
  const badCrop = crop.find((mode) => !cropModes.includes(mode))
  if (badCrop !== undefined) throw invalid('crop', `a list of ${cropModes.join(', ')}`, cropRaw ?? '')
  const formatRaw = search.get('fm')
  if (formatRaw && !formats[formatRaw]) throw invalid('fm', 'one of jpg, pjpg, png, webp, avif, gif', formatRaw)
  const autoRaw = search.get('auto')
  if (autoRaw && autoRaw !== 'format') throw invalid('auto', '"format"', autoRaw)
  const flipRaw = search.get('flip') ?? ''
  if (!['', 'h', 'v', 'hv', 'vh'].includes(flipRaw)) throw invalid('flip', 'h, v or hv', flipRaw)
  const orientation = integer(search, 'or', 0, 270) ?? 0
  if (![0, 90, 180, 270].includes(orientation)) throw invalid('or', '0, 90, 180 or 270', String(orientation))

  const transform: ImageTransform = {
    width: integer(search, 'w', 1, MAX_OUTPUT_EDGE),
    height: integer(search, 'h', 1, MAX_OUTPUT_EDGE),
    maxWidth: integer(search, 'max-w', 1, MAX_OUTPUT_EDGE),
    maxHeight: integer(search, 'max-h', 1, MAX_OUTPUT_EDGE),
    minWidth: integer(search, 'min-w', 1, MAX_OUTPUT_EDGE),
    minHeight: integer(search, 'min-h', 1, MAX_OUTPUT_EDGE),
    fit: (fitRaw as Fit | null) ?? 'clip',
    crop,
    rect: parseRect(search.get('rect')),
    format: formatRaw ? formats[formatRaw] : undefined,
    autoFormat: autoRaw === 'format',
    quality: integer(search, 'q', 0, 100),
    dpr: decimal(search, 'dpr', 0.1, 3) ?? 1,
    background: colour(search, 'bg'),
    blur: integer(search, 'blur', 0, 2000),
    sharpen: integer(search, 'sharp', 0, 100),
    saturation: integer(search, 'sat', -100, 100),
    invert: search.get('invert') === 'true' || search.get('invert') === '1',
    flip: (flipRaw === 'vh' ? 'hv' : flipRaw) as ImageTransform['flip'],
    orientation: orientation as ImageTransform['orientation'],
    download: search.has('dl') ? (search.get('dl') ?? '') : undefined,
  }
  const fpX = decimal(search, 'fp-x', 0, 1)
  const fpY = decimal(search, 'fp-y', 0, 1)
  if (fpX !== undefined || fpY !== undefined) transform.focalPoint = { x: fpX ?? 0.5, y: fpY ?? 0.5 }
  return transform
}

function parseRect(raw: string | null): Rect | undefined {
  if (raw === null || raw === '') return undefined
  const parts = raw.split(',')
  if (parts.length !== 4 || parts.some((part) => !/^\d+$/.test(part.trim())))
    throw invalid('rect', 'four whole numbers x,y,width,height', raw)
  const [left, top, width, height] = parts.map((part) => Number(part)) as [number, number, number, number]
  if (width < 1 || height < 1) throw invalid('rect', 'a rectangle with a width and height of at least 1', raw)
  return { left, top, width, height }
}

/** True when the request asks for nothing but the original bytes (no resize, crop, format or effect). */
export function isIdentity(transform: ImageTransform): boolean {
  return (
    transform.width === undefined &&
    transform.height === undefined &&
    transform.maxWidth === undefined &&
    transform.maxHeight === undefined &&
    transform.minWidth === undefined &&
    transform.minHeight === undefined &&
    transform.rect === undefined &&
    transform.format === undefined &&
    !transform.autoFormat &&
    transform.quality === undefined &&
    transform.dpr === 1 &&
    transform.blur === undefined &&
    transform.sharpen === undefined &&
    transform.saturation === undefined &&
    !transform.invert &&
    transform.flip === '' &&
    transform.orientation === 0 &&
    transform.background === undefined
  )
}
