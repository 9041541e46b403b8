/** Front door of the background job loop shared by the clock sweep and scheduled publication. */
export { type JobLoop, startJobLoop } from './job-loop.js'
