//! A small graphql-transport-ws client for the subscription tests. Every wait is bounded, so a
//! missing message fails the test instead of hanging it.

use std::collections::VecDeque;
use std::time::Duration;

use async_graphql::futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::{ClientRequestBuilder, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A client over a plain TCP socket, or any other stream (the deployment test's TLS).
pub struct WsClient<S = MaybeTlsStream<TcpStream>> {
    socket: WebSocketStream<S>,
    next_id: u32,
    /// Operation messages read while waiting for something else.
    pending: VecDeque<Value>,
}

/// Opens `/graphql/ws` of the server at `base_url` (`http://127.0.0.1:PORT`) speaking `protocol`,
/// and sends `connection_init` with `payload`: the client once acknowledged, or the close code
/// and reason with which the server refused it.
pub async fn init_with(
    base_url: &str,
    protocol: &str,
    payload: Value,
) -> Result<WsClient, (u16, String)> {
    open(base_url, protocol).await.init(payload).await
}

/// Opens `/graphql/ws` without sending anything.
pub async fn open(base_url: &str, protocol: &str) -> WsClient {
    let uri = format!("{}/graphql/ws", base_url.replacen("http://", "ws://", 1));
    let request =
        ClientRequestBuilder::new(uri.parse().expect("ws uri")).with_sub_protocol(protocol);
    let (socket, _) = within(connect_async(request))
        .await
        .expect("websocket handshake");
    WsClient::new(socket)
}

/// A graphql-transport-ws connection authenticated with `token`.
pub async fn connect(base_url: &str, token: &str) -> WsClient {
    match init_with(base_url, "graphql-transport-ws", json!({ "token": token })).await {
        Ok(client) => client,
        Err((code, reason)) => panic!("connection refused: {code} {reason}"),
    }
}

enum Received {
    Message(Value),
    Closed(u16, String),
}

impl<S: AsyncRead + AsyncWrite + Unpin> WsClient<S> {
    /// A client on a socket whose handshake is done.
    pub fn new(socket: WebSocketStream<S>) -> Self {
        Self {
            socket,
            next_id: 0,
            pending: VecDeque::new(),
        }
    }

    /// Sends `connection_init` with `payload`: the client once acknowledged, or the close code
    /// and reason with which the server refused it.
    pub async fn init(mut self, payload: Value) -> Result<Self, (u16, String)> {
        self.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        match self.receive().await {
            Received::Message(m) if m["type"] == "connection_ack" => Ok(self),
            Received::Message(m) => panic!("expected connection_ack, got {m}"),
            Received::Closed(code, reason) => Err((code, reason)),
        }
    }

    /// Starts an operation and returns its id once the server has started it: the ping sent
    /// after `subscribe` is answered only once the server has read both, and right after
    /// sending the pong it polls the new operation, which then listens for events. (The HTTP
    /// mutation a test sends next takes far longer to reach the event bus.)
    pub async fn subscribe(&mut self, query: &str, variables: Value) -> String {
        self.next_id += 1;
        let id = self.next_id.to_string();
        self.send(json!({
            "id": id,
            "type": "subscribe",
            "payload": { "query": query, "variables": variables },
        }))
        .await;
        self.send(json!({ "type": "ping" })).await;
        loop {
            match self.receive().await {
                Received::Message(m) if m["type"] == "pong" => break,
                // An operation refused at once may answer before the pong.
                Received::Message(m) if m.get("id").is_some() => self.pending.push_back(m),
                Received::Message(m) => panic!("unexpected message while subscribing: {m}"),
                Received::Closed(code, reason) => {
                    panic!("closed while subscribing: {code} {reason}")
                }
            }
        }
        id
    }

    /// The payload (`data`, `errors`) of operation `id`'s next result.
    pub async fn next(&mut self, id: &str) -> Value {
        let message = match self.pending.iter().position(|m| m["id"] == id) {
            Some(i) => self.pending.remove(i).expect("pending message"),
            None => loop {
                match self.receive().await {
                    Received::Message(m) if m["id"] == id => break m,
                    Received::Message(m) if m.get("id").is_some() => self.pending.push_back(m),
                    Received::Message(_) => {}
                    Received::Closed(code, reason) => {
                        panic!("closed while waiting for {id}: {code} {reason}")
                    }
                }
            },
        };
        assert_eq!(message["type"], "next", "operation {id}: {message}");
        message["payload"].clone()
    }

    /// The next task event of subscription `id`, which must carry no error.
    pub async fn event(&mut self, id: &str) -> Value {
        let payload = self.next(id).await;
        assert!(payload.get("errors").is_none(), "{payload}");
        payload["data"]["taskEvents"].clone()
    }

    /// Waits for the server to close the socket: its close code and reason, and the operation
    /// messages that came first (read earlier or meanwhile).
    pub async fn closed(&mut self) -> (u16, String, Vec<Value>) {
        let mut before: Vec<Value> = self.pending.drain(..).collect();
        loop {
            match self.receive().await {
                Received::Message(m) => before.push(m),
                Received::Closed(code, reason) => return (code, reason, before),
            }
        }
    }

    async fn send(&mut self, message: Value) {
        within(self.socket.send(Message::text(message.to_string())))
            .await
            .expect("send over websocket");
    }

    async fn receive(&mut self) -> Received {
        loop {
            let frame = within(self.socket.next())
                .await
                .map(|f| f.expect("websocket error"));
            match frame {
                Some(Message::Text(text)) => {
                    return Received::Message(serde_json::from_str(&text).expect("JSON message"));
                }
                Some(Message::Close(frame)) => {
                    return match frame {
                        Some(f) => Received::Closed(f.code.into(), f.reason.to_string()),
                        None => Received::Closed(1005, String::new()),
                    };
                }
                None => return Received::Closed(1006, String::new()),
                Some(_) => {}
            }
        }
    }
}

/// Bounds a wait by `TIMEOUT`.
pub async fn within<F: std::future::Future>(future: F) -> F::Output {
    tokio::time::timeout(TIMEOUT, future)
        .await
        .unwrap_or_else(|_| panic!("nothing within {TIMEOUT:?}"))
}
