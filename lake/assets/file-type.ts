// Works out what an uploaded file is from its bytes (a Buffer upload carries no Content-Type), falling back to its name.
import { extension as mimeExtension, lookup } from 'mime-types'

export type FileType = { mimeType: string; extension: string }

type Signature = { type: FileType; test: (bytes: Buffer) => boolean }

const startsWith = (bytes: Buffer, prefix: number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, i) => bytes[offset + i] === byte)
const ascii = (bytes: Buffer, text: string, offset = 0) => startsWith(bytes, [...Buffer.from(text, 'latin1')], offset)

// ISO-BMFF brands tell AVIF/HEIC/MP4 apart; the brand sits after the `ftyp` box header.
const ftypBrand = (bytes: Buffer) => (ascii(bytes, 'ftyp', 4) ? bytes.subarray(8, 12).toString('latin1') : null)

const signatures: Signature[] = [
  { type: { mimeType: 'image/jpeg', extension: 'jpg' }, test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    type: { mimeType: 'image/png', extension: 'png' },
    test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { type: { mimeType: 'image/gif', extension: 'gif' }, test: (b) => ascii(b, 'GIF87a') || ascii(b, 'GIF89a') },
  { type: { mimeType: 'image/webp', extension: 'webp' }, test: (b) => ascii(b, 'RIFF') && ascii(b, 'WEBP', 8) },
  { type: { mimeType: 'image/avif', extension: 'avif' }, test: (b) => ['avif', 'avis'].includes(ftypBrand(b) ?? '') },
  {
    type: { mimeType: 'image/heic', extension: 'heic' },
    test: (b) => ['heic', 'heix', 'mif1'].includes(ftypBrand(b) ?? ''),
  },
  {
    type: { mimeType: 'image/tiff', extension: 'tif' },
    test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  { type: { mimeType: 'application/pdf', extension: 'pdf' }, test: (b) => ascii(b, '%PDF-') },
  { type: { mimeType: 'application/zip', extension: 'zip' }, test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { type: { mimeType: 'application/gzip', extension: 'gz' }, test: (b) => startsWith(b, [0x1f, 0x8b]) },
  {
    type: { mimeType: 'video/mp4', extension: 'mp4' },
    test: (b) => ['isom', 'iso2', 'mp41', 'mp42', 'avc1'].includes(ftypBrand(b) ?? ''),
  },
  { type: { mimeType: 'audio/mpeg', extension: 'mp3' }, test: (b) => ascii(b, 'ID3') || startsWith(b, [0xff, 0xfb]) },
  { type: { mimeType: 'image/svg+xml', extension: 'svg' }, test: (b) => looksLikeSvg(b) },
]

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart()
  return (head.startsWith('<svg') || head.startsWith('<?xml')) && head.includes('<svg')
}

// Only for names: a file whose bytes have no signature keeps the type its name says.
const byExtension = (extension: string): string | undefined => lookup(extension) || undefined

function extensionOf(filename: string | undefined): string | null {
  const match = filename ? /\.([a-z0-9]{1,10})$/i.exec(filename) : null
  return match?.[1] ? match[1].toLowerCase() : null
}

/**
 * The type of an uploaded file: its byte signature first, then its name (a `.docx` is a zip by its bytes,
 * so a name that agrees with a zip signature wins), then the declared content type, then octet-stream.
 */
export function detectFileType(bytes: Buffer, filename?: string, declaredType?: string): FileType {
  const sniffed = signatures.find((signature) => signature.test(bytes))?.type
  const nameExtension = extensionOf(filename)
  if (
    sniffed?.extension === 'zip' &&
    nameExtension &&
    byExtension(nameExtension)?.startsWith('application/vnd.openxmlformats')
  ) {
    return { mimeType: byExtension(nameExtension)!, extension: nameExtension }
  }
  if (sniffed) return sniffed
  if (nameExtension)
    return {
      mimeType: byExtension(nameExtension) ?? cleanDeclared(declaredType) ?? 'application/octet-stream',
      extension: nameExtension,
    }
  const declared = cleanDeclared(declaredType)
  if (declared) {
    return { mimeType: declared, extension: mimeExtension(declared) || 'bin' }
  }
  return { mimeType: 'application/octet-stream', extension: 'bin' }
}

// Clients that send a Buffer label it octet-stream; that says nothing, so it does not override a name.
function cleanDeclared(declaredType: string | undefined): string | null {
  const mimeType = declaredType?.split(';')[0]?.trim().toLowerCase()
  if (!mimeType || mimeType === 'application/octet-stream' || !/^[a-z]+\/[a-z0-9.+-]+$/.test(mimeType)) return null
  return mimeType
}

/** The content type to serve a stored file with, from the extension its asset id carries. */
export function mimeTypeForExtension(extension: string): string {
  const signature = signatures.find((candidate) => candidate.type.extension === extension)
  return signature?.type.mimeType ?? byExtension(extension) ?? 'application/octet-stream'
}
