import { describe, expect, it } from 'vitest'
import { assessRewards, type PolicyReward, type RewardFacts } from '../../../src/domain/advisory/rewards.js'

const tshirt: PolicyReward = { kind: 't-shirt', description: 'A free t-shirt.', conditions: ['first-reporter', 'non-trivial'] }
const bounty: PolicyReward = { kind: 'money', description: 'Bounty', conditions: ['by-severity'], amounts: { currency: 'EUR', high: 500 } }
const facts = (over: Partial<RewardFacts> = {}): RewardFacts => ({
  status: 'accepted',
  duplicateOf: null,
  severity: 'high',
  program: null,
  ...over,
})

describe("the policy's rewards for a report", () => {
  it("Kumi's t-shirt goes to the first reporter of a non-trivial vulnerability", () => {
    expect(assessRewards([tshirt], facts())[0]?.standing).toBe('applies')
  })

  it('a duplicate or a trivial finding does not earn the t-shirt', () => {
    expect(assessRewards([tshirt], facts({ status: 'duplicate', duplicateOf: 'r1' }))[0]?.standing).toBe('does-not-apply')
    expect(assessRewards([tshirt], facts({ severity: 'low' }))[0]?.standing).toBe('does-not-apply')
    expect(assessRewards([tshirt], facts({ status: 'rejected' }))[0]?.standing).toBe('does-not-apply')
  })

  it('without a severity the team has not decided yet', () => {
    expect(assessRewards([tshirt], facts({ severity: null }))[0]?.standing).toBe('undecided')
  })

  it("a bounty names the policy's amount for the report's severity", () => {
    expect(assessRewards([bounty], facts())[0]?.amount).toEqual({ currency: 'EUR', value: 500 })
    expect(assessRewards([bounty], facts({ severity: 'low' }))[0]?.amount).toBeNull()
  })
})
