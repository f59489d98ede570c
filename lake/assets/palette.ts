// Builds Sanity's image palette (dominant, vibrant and muted swatches) from a small raw RGBA thumbnail.

export type PaletteSwatch = {
  _type: 'sanity.imagePaletteSwatch'
  background: string
  foreground: string
  title: string
  population: number
}

export type ImagePalette = { _type: 'sanity.imagePalette' } & Partial<Record<SwatchName, PaletteSwatch>>

type SwatchName = 'dominant' | 'vibrant' | 'lightVibrant' | 'darkVibrant' | 'muted' | 'lightMuted' | 'darkMuted'
type Rgb = { r: number; g: number; b: number }
type Candidate = Rgb & { population: number; hue: number; saturation: number; lightness: number }

// The six targets of the Vibrant algorithm that Sanity's palette follows: a lightness and saturation
// each swatch should be near, with hard bounds.
const targets: Array<{ name: SwatchName; lightness: [number, number, number]; saturation: [number, number, number] }> =
  [
    { name: 'vibrant', lightness: [0.3, 0.5, 0.7], saturation: [0.35, 1, 1] },
    { name: 'lightVibrant', lightness: [0.55, 0.74, 1], saturation: [0.35, 1, 1] },
    { name: 'darkVibrant', lightness: [0, 0.26, 0.45], saturation: [0.35, 1, 1] },
    { name: 'muted', lightness: [0.3, 0.5, 0.7], saturation: [0, 0.3, 0.4] },
    { name: 'lightMuted', lightness: [0.55, 0.74, 1], saturation: [0, 0.3, 0.4] },
    { name: 'darkMuted', lightness: [0, 0.26, 0.45], saturation: [0, 0.3, 0.4] },
  ]

/**
 * `pixels` is RGBA (4 bytes a pixel). Colours are grouped into 5-bit-per-channel buckets; each bucket's
 * mean colour is a candidate, and each target takes the best remaining candidate. `dominant` is the most
 * populous bucket (what sharp's `stats().dominant` computes too, without a second full decode).
 */
export function buildPalette(pixels: Buffer): ImagePalette {
  const buckets = new Map<number, { r: number; g: number; b: number; count: number }>()
  let counted = 0
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 255) < 125) continue // transparent pixels have no colour worth naming
    const r = pixels[i] ?? 0,
      g = pixels[i + 1] ?? 0,
      b = pixels[i + 2] ?? 0
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)
    const bucket = buckets.get(key) ?? { r: 0, g: 0, b: 0, count: 0 }
    bucket.r += r
    bucket.g += g
    bucket.b += b
    bucket.count += 1
    buckets.set(key, bucket)
    counted += 1
  }
  const palette: ImagePalette = { _type: 'sanity.imagePalette' }
  if (counted === 0) return palette

  const candidates: Candidate[] = [...buckets.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 256)
    .map((bucket) => {
      const rgb = {
        r: Math.round(bucket.r / bucket.count),
        g: Math.round(bucket.g / bucket.count),
        b: Math.round(bucket.b / bucket.count),
      }
      return { ...rgb, ...toHsl(rgb), population: bucket.count }
    })
  const maxPopulation = candidates[0]?.population ?? 1

  const dominant = candidates[0]
  if (dominant) palette.dominant = swatch(dominant, dominant.population / counted)

  const used = new Set<Candidate>()
  for (const target of targets) {
    let best: Candidate | null = null
    let bestScore = -Infinity
    for (const candidate of candidates) {
      if (used.has(candidate)) continue
      const [minL, wantL, maxL] = target.lightness
      const [minS, wantS, maxS] = target.saturation
      if (
        candidate.lightness < minL ||
        candidate.lightness > maxL ||
        candidate.saturation < minS ||
        candidate.saturation > maxS
      )
        continue
      // Weights of the Vibrant algorithm: lightness matters most, then saturation, a little population.
      const score =
        3 * (1 - Math.abs(candidate.saturation - wantS)) +
        6.5 * (1 - Math.abs(candidate.lightness - wantL)) +
        0.5 * (candidate.population / maxPopulation)
      if (score > bestScore) {
        best = candidate
        bestScore = score
      }
    }
    if (best) {
      used.add(best)
      palette[target.name] = swatch(best, best.population / counted)
    }
  }
  // Sanity's palette always has every swatch: one the image lacks is derived, with population 0, from the
  // closest one it has, moved to the missing target's lightness (a grey image gets grey swatches, as on Sanity).
  const fallbackOrder: Record<string, SwatchName[]> = {
    vibrant: ['lightVibrant', 'darkVibrant', 'dominant'],
    lightVibrant: ['vibrant', 'darkVibrant', 'dominant'],
    darkVibrant: ['vibrant', 'lightVibrant', 'dominant'],
    muted: ['lightMuted', 'darkMuted', 'dominant'],
    lightMuted: ['muted', 'darkMuted', 'dominant'],
    darkMuted: ['muted', 'lightMuted', 'dominant'],
  }
  for (const target of targets) {
    if (palette[target.name]) continue
    const baseName =
      (fallbackOrder[target.name] ?? []).find((name) => palette[name] && palette[name]?.population !== 0) ?? 'dominant'
    const base = palette[baseName]
    if (!base) continue
    const { hue, saturation } = toHsl(fromHex(base.background))
    palette[target.name] = swatch(fromHsl(hue, saturation, target.lightness[1]), 0)
  }
  return palette
}

function fromHex(hex: string): Rgb {
  const value = parseInt(hex.slice(1), 16)
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 }
}

function fromHsl(hue: number, saturation: number, lightness: number): Rgb {
  if (saturation === 0) {
    const grey = Math.round(lightness * 255)
    return { r: grey, g: grey, b: grey }
  }
  const q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
  const p = 2 * lightness - q
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t
    const value = u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p
    return Math.round(value * 255)
  }
  return { r: channel(hue + 1 / 3), g: channel(hue), b: channel(hue - 1 / 3) }
}

function swatch(colour: Rgb, share: number): PaletteSwatch {
  const text = readableTextOn(colour)
  return {
    _type: 'sanity.imagePaletteSwatch',
    background: toHex(colour),
    foreground: text,
    title: text,
    population: Math.round(share * 10000) / 100,
  }
}

/** White or black, whichever contrasts more with the background (WCAG relative luminance). */
function readableTextOn({ r, g, b }: Rgb): '#fff' | '#000' {
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#fff' : '#000'
}

function toHex({ r, g, b }: Rgb): string {
  return '#' + [r, g, b].map((value) => value.toString(16).padStart(2, '0')).join('')
}

function toHsl({ r, g, b }: Rgb): { hue: number; saturation: number; lightness: number } {
  const rn = r / 255,
    gn = g / 255,
    bn = b / 255
  const max = Math.max(rn, gn, bn),
    min = Math.min(rn, gn, bn)
  const lightness = (max + min) / 2
  if (max === min) return { hue: 0, saturation: 0, lightness }
  const delta = max - min
  const saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min)
  const hue =
    max === rn ? (gn - bn) / delta + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / delta + 2 : (rn - gn) / delta + 4
  return { hue: hue / 6, saturation, lightness }
}
