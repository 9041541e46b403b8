/** What the organization asks of its team's accounts. */
import { Type } from '@sinclair/typebox'
import { oneOf, strictObject } from './kit.js'

export const mfaSettings = ['required', 'optional'] as const

export const Accounts = strictObject(
  {
    mfa: Type.Optional(
      oneOf(
        mfaSettings,
        'required: members must sign in with a second factor (authenticator app or passkey) to do anything in the organization but enrol one. Default: optional',
      ),
    ),
  },
  "Rules for the team's accounts",
)
