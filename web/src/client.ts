import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

/** The API's `extensions.code` of the first error that has one. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const e = error?.graphQLErrors.find((g) => typeof g.extensions?.code === 'string');
  return e?.extensions.code as string | undefined;
}

/** A message fit to show: the API's own words, without urql's "[GraphQL]" prefix. */
export function errorMessage(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((g) => g.message).join('; ');
  return error.networkError?.message ?? error.message;
}

/**
 * The API's field errors of a refused input (BAD_USER_INPUT's `extensions.errors`), by field,
 * for a form to show each at its field.
 */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of error?.graphQLErrors ?? []) {
    const list = g.extensions?.errors;
    if (!Array.isArray(list)) continue;
    for (const e of list as { field?: unknown; message?: unknown }[])
      if (typeof e.field === 'string' && typeof e.message === 'string') out[e.field] ??= e.message;
  }
  return out;
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED');
}

interface Queued {
  input: RequestInfo | URL;
  init: RequestInit & { body: string };
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** The API's limit on the operations of one batched request (`SHOPOPS_MAX_BATCH`'s default). */
const MAX_BATCH = 10;

/** An answer of a batch that failed only on the cost the batch had left, not on its own. */
function overBatchBudget(result: unknown): boolean {
  const errors = (result as { errors?: { extensions?: { cost?: number; limit?: number } }[] }).errors;
  return !!errors?.some((e) => {
    const { cost, limit } = e.extensions ?? {};
    return typeof cost === 'number' && typeof limit === 'number' && cost <= limit;
  });
}

function jsonResponse(result: unknown, status: number): Response {
  return new Response(JSON.stringify(result), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * urql's `fetch`: the POSTs made in one tick go out as one GraphQL batch (a JSON array the API
 * answers in order), so that a page's query and the shell's `Me` cost one round trip. An
 * operation refused only for what the batch had left of the cost limit is sent again alone.
 */
function batchingFetch(): typeof fetch {
  let queue: Queued[] = [];
  const flush = async (batch: Queued[]) => {
    if (batch.length === 1) {
      const [one] = batch;
      fetch(one.input, one.init).then(one.resolve, one.reject);
      return;
    }
    try {
      // One operation's abort must not cancel the others': the batch goes out without a signal.
      const init = { ...batch[0].init, signal: null, body: `[${batch.map((q) => q.init.body).join(',')}]` };
      const response = await fetch(batch[0].input, init);
      const results: unknown = await response.json();
      if (!Array.isArray(results) || results.length !== batch.length) {
        // The whole request was refused (too large, too many): each operation gets that answer.
        batch.forEach((q) => q.resolve(jsonResponse(results, response.status)));
        return;
      }
      batch.forEach((q, i) => {
        if (overBatchBudget(results[i])) fetch(q.input, q.init).then(q.resolve, q.reject);
        else q.resolve(jsonResponse(results[i], response.status));
      });
    } catch (error) {
      batch.forEach((q) => q.reject(error));
    }
  };
  return (input, init) => {
    if (init?.method !== 'POST' || typeof init.body !== 'string') return fetch(input, init);
    return new Promise<Response>((resolve, reject) => {
      queue.push({ input, init: init as Queued['init'], resolve, reject });
      if (queue.length === 1)
        setTimeout(() => {
          const all = queue;
          queue = [];
          for (let i = 0; i < all.length; i += MAX_BATCH) void flush(all.slice(i, i + MAX_BATCH));
        }, 0);
    });
  };
}

export interface ClientHandle {
  client: Client;
  dispose: () => void;
}

/**
 * One urql client per signed-in session: HTTP for queries and mutations (Bearer token),
 * graphql-ws for subscriptions (token in `connection_init`). Any UNAUTHENTICATED error
 * (an expired or revoked token) calls `onUnauthenticated`, except on the login mutation itself.
 */
export function makeClient(token: string | null, onUnauthenticated: () => void): ClientHandle {
  const wsProtocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = token
    ? createWsClient({
        url: `${wsProtocol}//${window.location.host}/graphql/ws`,
        connectionParams: { token },
        lazy: true,
        on: {
          closed: (event) => {
            const code = (event as CloseEvent | undefined)?.code;
            if (code === 4401 || code === 4403) onUnauthenticated();
          },
        },
      })
    : null;

  const exchanges = [
    mapExchange({
      onError(error, operation) {
        const isLogin = operation.kind === 'mutation' && !token;
        if (!isLogin && isUnauthenticated(error)) onUnauthenticated();
      },
    }),
    cacheExchange,
    fetchExchange,
  ];
  if (ws) {
    exchanges.push(
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    );
  }

  const client = new Client({
    url: '/graphql',
    exchanges,
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetch: batchingFetch(),
    fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
  return {
    client,
    dispose: () => {
      void ws?.dispose();
    },
  };
}
