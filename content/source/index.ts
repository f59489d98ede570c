// The sample dataset's source: everything `npm run content:build` turns into content/parley-sample.tar.gz.
import { people, series, siteSettings, topics } from './company.ts'
import { interview as designSystem } from './interviews/a-design-system-both-sides-own.ts'
import { interview as fourBillionRows } from './interviews/four-billion-rows-no-downtime.ts'
import { interview as offlineFirst } from './interviews/offline-first-driver-app.ts'
import { interview as onCall } from './interviews/on-call-five-years-in.ts'
import { interview as queues } from './interviews/queues-that-never-lose-a-parcel.ts'
import { interview as threatModelling } from './interviews/threat-modelling-as-a-habit.ts'

export { people, series, siteSettings, topics }
export const interviews = [onCall, queues, fourBillionRows, offlineFirst, designSystem, threatModelling]
