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

function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED');
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
    fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
  return {
    client,
    dispose: () => {
      void ws?.dispose();
    },
  };
}
