// The client factory that points every Studio request at the lake's own host instead of `<projectId>.api.sanity.io`.
import { createClient, type ClientConfig, type SanityClient } from '@sanity/client'

export function lakeClientFactory(apiHost: string): (options: ClientConfig) => SanityClient {
  return (options) => createClient({ ...options, apiHost, useProjectHostname: false })
}
