/** The staff tab's GraphQL documents. */
import { graphql } from '../../gql';
import type { StaffRowFragment } from '../../gql/graphql';

export type StaffRow = StaffRowFragment;

graphql(`
  fragment StaffRow on Staff {
    id
    name
    email
    role
    access
    active
    aliases { id alias }
  }
`);

/** A page of the team's people, in id order, with their chat aliases. */
export const TeamStaffQuery = graphql(`
  query TeamStaff($teamId: ID!, $after: String) {
    staff(first: 100, after: $after, filter: { teamId: $teamId }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...StaffRow }
    }
  }
`);

export const CreateStaffMutation = graphql(`
  mutation CreateStaff($input: CreateStaffInput!) {
    createStaff(input: $input) { staff { ...StaffRow } }
  }
`);

export const UpdateStaffMutation = graphql(`
  mutation UpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) { staff { ...StaffRow } }
  }
`);

export const DeactivateStaffMutation = graphql(`
  mutation DeactivateStaff($input: DeactivateStaffInput!) {
    deactivateStaff(input: $input) { staff { id active } }
  }
`);

export const ReactivateStaffMutation = graphql(`
  mutation ReactivateStaff($input: ReactivateStaffInput!) {
    reactivateStaff(input: $input) { staff { id active } }
  }
`);

export const ResetStaffPasswordMutation = graphql(`
  mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {
    resetStaffPassword(input: $input) { staff { id } }
  }
`);

export const AddStaffAliasMutation = graphql(`
  mutation AddStaffAlias($input: AddStaffAliasInput!) {
    addStaffAlias(input: $input) { alias { id alias staffId } }
  }
`);

export const RemoveStaffAliasMutation = graphql(`
  mutation RemoveStaffAlias($input: RemoveStaffAliasInput!) {
    removeStaffAlias(input: $input) { removedAliasId }
  }
`);
