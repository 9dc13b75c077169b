import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from './gql';

const TaskEventsSubscription = graphql(`
  subscription TaskEvents($teamId: ID!) {
    taskEvents(teamId: $teamId) { kind taskId status at }
  }
`);

/**
 * Calls `onChange` after the team's task events (those the caller may see, §9) settle for
 * half a second: a burst of moves costs one refetch. Returns the events seen and whether the
 * subscription is live.
 */
export function useTaskEvents(teamId: string, onChange: () => void): { events: number; live: boolean } {
  const [result] = useSubscription(
    { query: TaskEventsSubscription, variables: { teamId } },
    (count: number | undefined) => (count ?? 0) + 1,
  );
  const events = result.data ?? 0;
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!events) return;
    const id = window.setTimeout(() => onChangeRef.current(), 500);
    return () => window.clearTimeout(id);
  }, [events]);
  return { events, live: !result.error };
}
