import { graphql } from '../../gql';

/** What a card on the board shows, and what a move needs (its version and the moves allowed). */
export const TaskCardFields = graphql(`
  fragment TaskCardFields on Task {
    id
    version
    title
    role
    priority
    status
    reason
    dueAt
    overdue
    completedAt
    allowedMoves
    assignee { id name }
    finding { id code }
  }
`);

/** One column: its count, its first cards and where the next page starts. */
export const TaskColumnFields = graphql(`
  fragment TaskColumnFields on TaskConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ...TaskCardFields }
  }
`);

/**
 * The whole board in one request: each status's column (up to 100 cards and its count), and
 * for a manager the team's people to filter and assign by. Staff get only the tasks assigned
 * to them: the API filters them (§9), the page does not.
 */
export const TaskBoardQuery = graphql(`
  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {
    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {
      ...TaskColumnFields
    }
    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {
      ...TaskColumnFields
    }
    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {
      ...TaskColumnFields
    }
    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {
      ...TaskColumnFields
    }
    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {
      ...TaskColumnFields
    }
    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {
      ...TaskColumnFields
    }
    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {
      nodes { id name role }
    }
  }
`);

/** The next page of one column. */
export const TaskColumnMoreQuery = graphql(`
  query TaskColumnMore($filter: TaskFilter!, $after: String!) {
    tasks(filter: $filter, first: 100, after: $after) {
      ...TaskColumnFields
    }
  }
`);

/** One task in full, for its drawer. */
export const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ...TaskCardFields
      detail
      createdAt
      updatedAt
      creator { id name }
      finding { id code message suggestedAction }
      followUps { id body createdAt author { id name } }
      auditTrail { at field before after actor { id name } }
      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }
    }
    metricCatalogue { metric name unit places direction }
  }
`);

export const MoveTaskMutation = graphql(`
  mutation MoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) { task { ...TaskCardFields } }
  }
`);

export const AssignTaskMutation = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) { task { ...TaskCardFields } }
  }
`);

export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) { task { ...TaskCardFields detail } }
  }
`);

export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) { task { ...TaskCardFields } }
  }
`);

export const AddFollowUpMutation = graphql(`
  mutation AddFollowUp($input: AddFollowUpInput!) {
    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }
  }
`);

export const TaskBoardEvents = graphql(`
  subscription TaskBoardEvents($teamId: ID!) {
    taskEvents(teamId: $teamId) { kind taskId status at }
  }
`);
