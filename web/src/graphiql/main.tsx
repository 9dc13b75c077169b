import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';

const TOKEN_KEY = 'shopops.token';
const wsProtocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
const token = window.localStorage.getItem(TOKEN_KEY);

// The signed-in app's token, if any, so that GraphiQL runs as that person.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${wsProtocol}//${window.location.host}/graphql/ws`,
  headers: token ? { Authorization: `Bearer ${token}` } : undefined,
  wsConnectionParams: token ? { token } : undefined,
});

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
