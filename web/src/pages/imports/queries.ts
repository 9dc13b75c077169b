import { graphql } from '../../gql';

export const ImportFileMutation = graphql(`
  mutation ImportFile($input: ImportFileInput!) {
    importFile(input: $input) {
      dryRun
      inserted
      updated
      rows
      layout { format encoding delimiter sheet headerLine ignoredColumns }
      warnings
      warningCount
      preview { line fields { name value } }
      import { id }
      previousImport { id at fileName importedBy { id name } }
    }
  }
`);

export const ImportsQuery = graphql(`
  query Imports($teamId: ID!) {
    imports(teamId: $teamId, first: 50) {
      totalCount
      nodes { id kind via at fileName format rows inserted updated warningCount importedBy { id name } }
    }
  }
`);
