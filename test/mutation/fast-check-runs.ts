// Mutation runs only: caps fast-check's default number of runs for the properties that ask for none.
import fc from 'fast-check'
import { propertyRuns } from '../support/property-runs.js'

fc.configureGlobal({ numRuns: propertyRuns(100) })
