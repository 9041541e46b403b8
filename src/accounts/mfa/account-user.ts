/** The signed-in person as the security page's use cases see them. */
export interface AccountUser {
  id: string
  email: string
  name: string
  sessionId: string
  mfaVerified: boolean
}
