import { createContext, useContext } from 'react';
import type { TaskCardFieldsFragment, TaskStatus } from '../../gql/graphql';

export type MovableTask = Pick<TaskCardFieldsFragment, 'id' | 'version' | 'allowedMoves'>;

interface TaskActions {
  /** Moves a task (asking for the reason §6 requires first); `onStale` on a version conflict. */
  move: (task: MovableTask, to: TaskStatus) => void;
  /** The task being moved, if any. */
  moving: string | null;
}

export const ActionsContext = createContext<TaskActions | null>(null);

export function useTaskActions(): TaskActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useTaskActions outside TaskActionsProvider');
  return actions;
}
