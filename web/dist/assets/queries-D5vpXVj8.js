import{t as e}from"./gql-CN9XA0a0.js";var t={S:`gold`,A:`green`,B:`blue`,C:`orange`,D:`red`},n=e(`
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
`),r=e(`
  query ReviewAudit($reviewId: ID!) {
    reviewAuditTrail(reviewId: $reviewId, first: 100) {
      nodes { at field before after actor { id name } }
    }
  }
`),i=e(`
  mutation AdjustGrade($input: AdjustGradeInput!) {
    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }
  }
`),a=e(`
  mutation CommentReview($input: CommentReviewInput!) {
    commentReview(input: $input) { review { id comment } }
  }
`);export{n as a,r as i,a as n,t as r,i as t};