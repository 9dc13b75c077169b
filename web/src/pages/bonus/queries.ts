import { graphql } from '../../gql';
import type { BonusQuery } from '../../gql/graphql';

export type Payout = NonNullable<BonusQuery['bonusRun']>['payouts']['nodes'][number];

/**
 * A month's bonus run with every payout's line items, the month's close (status, when the
 * figures settle), and for the manager the manual adjustments and the people to adjust.
 */
export const BonusQueryDoc = graphql(`
  query Bonus($teamId: ID!, $month: Month!, $canManage: Boolean!) {
    monthClose(teamId: $teamId, month: $month) @include(if: $canManage) {
      status
      version
      settlesOn
      finalizedAt
      finalizedBy { id name }
    }
    bonusRun(teamId: $teamId, month: $month) {
      status
      computedAt
      computedBy { id name }
      total
      payouts(first: 100) {
        totalCount
        nodes {
          staff { id name }
          role
          score
          grade
          gross
          total
          lines { rule kind formula amount inputs { name value } }
        }
      }
    }
    bonusAdjustments(teamId: $teamId, month: $month, first: 100) @include(if: $canManage) {
      nodes { id amount reason createdAt staff { id name } createdBy { id name } }
    }
    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {
      nodes { id name }
    }
  }
`);

export const ComputeRunMutation = graphql(`
  mutation ComputeBonusRun($input: ComputeBonusRunInput!) {
    computeBonusRun(input: $input) { run { status total } }
  }
`);

export const FinalizeMonthMutation = graphql(`
  mutation FinalizeMonth($input: FinalizeMonthInput!) {
    finalizeMonth(input: $input) { monthClose { status version finalizedAt } }
  }
`);

export const ReopenMonthMutation = graphql(`
  mutation ReopenMonth($input: ReopenMonthInput!) {
    reopenMonth(input: $input) { monthClose { status version } }
  }
`);

export const AddAdjustmentMutation = graphql(`
  mutation AddBonusAdjustment($input: AddBonusAdjustmentInput!) {
    addBonusAdjustment(input: $input) { adjustment { id amount reason } }
  }
`);

export const RemoveAdjustmentMutation = graphql(`
  mutation RemoveBonusAdjustment($input: RemoveBonusAdjustmentInput!) {
    removeBonusAdjustment(input: $input) { adjustment { id } }
  }
`);

export const PayrollCsvQuery = graphql(`
  query PayrollCsv($teamId: ID!, $month: Month!) {
    payrollCsv(teamId: $teamId, month: $month)
  }
`);
