import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getIntrospectionQuery } from 'graphql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';

const TOKEN_KEY = 'shopops.token';
const wsProtocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
const token = window.localStorage.getItem(TOKEN_KEY);

const baseFetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${wsProtocol}//${window.location.host}/graphql/ws`,
  headers: token ? { Authorization: `Bearer ${token}` } : undefined,
  wsConnectionParams: token ? { token } : undefined,
});

// The API refuses queries nested deeper than SHOPOPS_MAX_DEPTH (12); graphql-js's default introspection
// query nests type references 9 deep. Six levels cover every type of the schema ([X!]! is three).
const shallowIntrospection = getIntrospectionQuery({ typeDepth: 6, inputValueDeprecation: true, schemaDescription: true });
const fetcher: Fetcher = (params, opts) =>
  baseFetcher(
    params.operationName === 'IntrospectionQuery' ? { ...params, query: shallowIntrospection } : params,
    opts,
  );

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL
        fetcher={fetcher}
        referencePlugin={DOC_EXPLORER_PLUGIN}
        defaultHeaders={token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined}
      />
    </StrictMode>,
  );
}
