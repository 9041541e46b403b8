import { expect, it } from 'vitest'
import { loggablePath } from '../../../src/http/logging.js'

it('invitation and password-reset links never reach the logs', () => {
  expect(loggablePath('/invite/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('/invite/[secret]')
  expect(loggablePath('/account/reset/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG?x=1')).toBe('/account/reset/[secret]')
  expect(loggablePath('/account/reset')).toBe('/account/reset')
  expect(loggablePath('/f/secret')).toBe('/f/[secret]')
})
