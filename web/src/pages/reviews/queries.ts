import { graphql } from '../../gql';
import type { Grade, ReviewsQuery as Reviews } from '../../gql/graphql';

export type Review = Reviews['reviews'][number];
export const GRADE_COLOR: Record<Grade, string> = { S: 'gold', A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** A month's reviews beside the month before's (each person's change), and the scorecards' methods. */
export const ReviewsQuery = graphql(`
  query Reviews($teamId: ID!, $month: Month!, $previous: Month!) {
    reviews(teamId: $teamId, month: $month) {
      id
      staff { id name }
      role
      month
      total
      computedGrade
      grade
      demoted
      adjustmentReason
      comment
      computedAt
      lines { code metric numerator denominator value actual target score weight }
    }
    previous: reviews(teamId: $teamId, month: $previous) {
      id
      staff { id }
      total
    }
    kpiLibrary(teamId: $teamId) { code method }
  }
`);

export const ReviewAuditQuery = graphql(`
  query ReviewAudit($reviewId: ID!) {
    reviewAuditTrail(reviewId: $reviewId, first: 100) {
      nodes { at field before after actor { id name } }
    }
  }
`);

export const AdjustGradeMutation = graphql(`
  mutation AdjustGrade($input: AdjustGradeInput!) {
    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }
  }
`);

export const CommentReviewMutation = graphql(`
  mutation CommentReview($input: CommentReviewInput!) {
    commentReview(input: $input) { review { id comment } }
  }
`);
