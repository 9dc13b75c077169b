use crate::graphql::scalars::DateTime;
use async_graphql::futures_util::{Stream, stream};
use async_graphql::{Context, Enum, Object, Subscription};
use tokio::sync::broadcast::error::RecvError;

use crate::graphql::enums::TaskStatus;
use crate::graphql::{
    context::{actor, events, team},
    id::Id,
};
use crate::services::events::{self, TaskEvent};

/// What happened to the task.
#[derive(Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "events::TaskEventKind")]
pub enum TaskEventKind {
    /// A task was made, by hand or from a finding.
    Created,
    /// The task was given to someone, or to someone else.
    Assigned,
    /// The task moved to another status.
    StatusChanged,
    /// Someone added a follow-up note.
    FollowUpAdded,
}

/// Something that just happened to a task.
#[Object]
impl TaskEvent {
    /// What happened.
    async fn kind(&self) -> TaskEventKind {
        self.kind.into()
    }
    /// The task's team.
    async fn team_id(&self) -> Id {
        Id(self.team_id)
    }
    /// The task.
    async fn task_id(&self) -> Id {
        Id(self.task_id)
    }
    /// The task's status after the change.
    async fn status(&self) -> TaskStatus {
        self.status.into()
    }
    /// Who has the task after the change (null while unassigned).
    async fn assignee_id(&self) -> Option<Id> {
        self.assignee_id.map(Id)
    }
    /// On reassignment: who had the task before.
    async fn previous_assignee_id(&self) -> Option<Id> {
        self.previous_assignee_id.map(Id)
    }
    /// Who made the change.
    async fn actor_id(&self) -> Id {
        Id(self.actor_id)
    }
    /// When it happened.
    async fn at(&self) -> DateTime {
        self.at.into()
    }
}

#[derive(Default)]
pub struct TaskSubscription;

#[Subscription]
impl TaskSubscription {
    /// Changes to the team's tasks as they happen: every one for the team's managers and admins;
    /// for staff, those of tasks assigned to them (or just taken from them). Over WebSocket at
    /// `/graphql/ws` (graphql-transport-ws), with `{"token": "<jwt>"}` as the `connection_init`
    /// payload.
    async fn task_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team; the caller's own unless an admin.")] team_id: Id,
    ) -> async_graphql::Result<impl Stream<Item = TaskEvent>> {
        // Subscribe before the access check's query, so nothing published meanwhile is lost.
        let receiver = events(ctx).subscribe();
        let team_id = team(ctx, team_id.0).await?.id;
        let actor = actor(ctx)?.clone();
        Ok(stream::unfold(receiver, move |mut receiver| {
            let actor = actor.clone();
            async move {
                loop {
                    match receiver.recv().await {
                        Ok(event) if event.team_id == team_id && event.visible_to(&actor) => {
                            return Some((event, receiver));
                        }
                        Ok(_) => {}
                        Err(RecvError::Lagged(missed)) => tracing::warn!(
                            missed,
                            subscriber = actor.id,
                            "a task event subscriber fell behind; skipping the events it missed"
                        ),
                        Err(RecvError::Closed) => return None,
                    }
                }
            }
        }))
    }
}
