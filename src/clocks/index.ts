/** Front door of the clocks: reminders, escalations and the reporter's notices as deadlines come. */
export { runClockSweep, runReportClocks, startClockScheduler } from './clock-sweep.js'
export { recipientsFor } from './recipients.js'
