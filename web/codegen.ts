import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Month: 'string',
          Decimal: 'string',
          Upload: 'File',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
