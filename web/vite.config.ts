import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { resolve } from 'node:path';

// `npm run dev` proxies the API; SHOPOPS_API overrides the default address.
const api = process.env.SHOPOPS_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // A `.gz` beside each text file, compressed once at build time at the highest level: shopops
    // serves it to browsers that accept gzip, instead of compressing on every request.
    compression({ algorithms: [defineAlgorithm('gzip', { level: 9 })], threshold: 1024 }),
  ],
  optimizeDeps: {
    // GraphiQL's Monaco workers are `?worker` imports, which the dependency pre-bundler cannot load.
    exclude: ['graphiql', '@graphiql/react'],
    // ...but their CommonJS dependencies still need it.
    include: [
      'graphiql > react-compiler-runtime',
      '@graphiql/react > react-compiler-runtime',
      '@graphiql/react > set-value',
      '@graphiql/react > markdown-it',
      '@graphiql/react > get-value',
      '@graphiql/react > clsx',
      '@graphiql/react > jsonc-parser',
      '@graphiql/react > zustand',
      '@graphiql/react > framer-motion',
      '@graphiql/react > @radix-ui/react-dialog',
      '@graphiql/react > @radix-ui/react-dropdown-menu',
      '@graphiql/react > @radix-ui/react-tooltip',
      '@graphiql/react > @radix-ui/react-visually-hidden',
      '@graphiql/react > graphql-language-service',
    ],
  },
  server: {
    proxy: {
      '/graphql/ws': { target: api, ws: true, changeOrigin: true },
      '/graphql': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
      output: {
        // Stable vendor chunks: React (both pages) and the data layer (the app's pages only).
        // antd has no group of its own: a group would take in every component any lazy page uses
        // (the task board's drawer, forms, timeline...) and load them all on the first page; left
        // alone, each component goes with the first chunk that needs it. GraphiQL/Monaco and
        // ECharts stay in their own chunks, reached only by graphiql.html and lazily.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            {
              name: 'data',
              test: /node_modules[\\/](urql|@urql|wonka|@0no-co|graphql-ws|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
