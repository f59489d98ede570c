// A Vite plugin for `sanity build`: the built Studio takes its fonts from its own origin, and on the lake it has no
// script from Sanity's CDN, so an offline Studio asks nothing of hosts outside the machine for them.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

const require = createRequire(import.meta.url)

// Sanity 6.16 names Inter from two hosts with no setting to change it: its document's <style> (studio-static, one file
// per weight) and @sanity/ui's stylesheet (design-system-static, variable). Each becomes the variable Inter that
// @fontsource-variable/inter ships, which serves every weight; italic faces get the italic file.
const sanityFontUrl = /https:\/\/(?:studio-static|design-system-static)\.sanity\.io\/Inter[A-Za-z-]*?\d*\.woff2/g
const fontFiles = {
  normal: 'inter-latin-wght-normal.woff2',
  italic: 'inter-latin-wght-italic.woff2',
} as const

// `sanity build` adds this tag for Sanity's Dashboard, which can only embed a Studio it hosts; no build option drops it.
const dashboardBridgeScript = /<script[^>]*\bdata-sanity-core\b[^>]*><\/script>\s*/g

export function selfHostedAssets(options: { basePath: string; dashboardBridge: boolean }): Plugin {
  const fontUrl = (style: keyof typeof fontFiles) =>
    `${options.basePath.replace(/\/+$/, '')}/static/${fontFiles[style]}`
  const localFonts = (text: string) =>
    text.replace(sanityFontUrl, (url) => fontUrl(/Italic/.test(url) ? 'italic' : 'normal'))
  return {
    name: 'parley:self-hosted-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After Sanity's own plugin has emitted index.html.
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !/\.(html|css)$/.test(file.fileName)) continue
          let text = localFonts(String(file.source))
          if (file.fileName === 'index.html' && !options.dashboardBridge) text = text.replace(dashboardBridgeScript, '')
          file.source = text
        }
        for (const file of Object.values(fontFiles)) {
          const source = readFileSync(require.resolve(`@fontsource-variable/inter/files/${file}`))
          this.emitFile({ type: 'asset', fileName: `static/${file}`, source })
        }
      },
    },
  }
}
