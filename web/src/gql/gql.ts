/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n": typeof types.MeDocument,
    "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": typeof types.TaskEventsDocument,
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": typeof types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": typeof types.RunDiagnosisDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n": typeof types.TaskCardFieldsFragmentDoc,
    "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n": typeof types.TaskColumnFieldsFragmentDoc,
    "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": typeof types.TaskBoardDocument,
    "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n": typeof types.TaskColumnMoreDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n": typeof types.TaskDetailDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.MoveTaskDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.AssignTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n": typeof types.UpdateTaskDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n": typeof types.AddFollowUpDocument,
    "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": typeof types.TaskBoardEventsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n": types.MeDocument,
    "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": types.TaskEventsDocument,
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": types.BoardDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": types.RunDiagnosisDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n": types.TaskCardFieldsFragmentDoc,
    "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n": types.TaskColumnFieldsFragmentDoc,
    "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": types.TaskBoardDocument,
    "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n": types.TaskColumnMoreDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n": types.TaskDetailDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.MoveTaskDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.AssignTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n": types.UpdateTaskDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.CreateTaskDocument,
    "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n": types.AddFollowUpDocument,
    "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": types.TaskBoardEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"): (typeof documents)["\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n"): (typeof documents)["\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n"): (typeof documents)["\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n"): (typeof documents)["\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n"): (typeof documents)["\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n"): (typeof documents)["\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n"): (typeof documents)["\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"): (typeof documents)["\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;