/** The product tab's GraphQL documents. */
import { graphql } from '../../gql';
import type { ProductRowFragment } from '../../gql/graphql';

export type ProductRow = ProductRowFragment;

graphql(`
  fragment ProductRow on Product {
    id
    platformItemId
    title
    isHero
    designer { id name }
    unitCost
    active
  }
`);

/**
 * A page of the team's products (in id order, filtered), and with the first page the team's
 * active designers (美工) for the form's owner picker: one request for the tab.
 */
export const TeamProductsQuery = graphql(`
  query TeamProducts($teamId: ID!, $isHero: Boolean, $active: Boolean, $after: String, $withDesigners: Boolean!) {
    products(first: 100, after: $after, filter: { teamId: $teamId, isHero: $isHero, active: $active }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...ProductRow }
    }
    designers: staff(first: 100, filter: { teamId: $teamId, role: DESIGNER, active: true }) @include(if: $withDesigners) {
      nodes { id name }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { product { ...ProductRow } }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) { product { ...ProductRow } }
  }
`);

export const DeactivateProductMutation = graphql(`
  mutation DeactivateProduct($input: DeactivateProductInput!) {
    deactivateProduct(input: $input) { product { id active } }
  }
`);

export const ReactivateProductMutation = graphql(`
  mutation ReactivateProduct($input: ReactivateProductInput!) {
    reactivateProduct(input: $input) { product { id active } }
  }
`);
