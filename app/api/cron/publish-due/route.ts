// GET/POST /api/cron/publish-due: publishes due scheduled interviews; for an external cron where `npm start`'s scheduler does not run.
import { handleCronRequest } from '../../../../lib/scheduling/cron.ts'
import { createWriteClient } from '../../../../lib/scheduling/write-client.ts'

export const dynamic = 'force-dynamic'

function run(request: Request): Promise<Response> {
  return handleCronRequest(request, { secret: process.env.CRON_SECRET, client: () => createWriteClient() })
}

export { run as GET, run as POST }
