import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App as AntApp, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import type { ImportFileMutation as ImportAnswer, ImportKind, ImportsQuery as History } from '../gql/graphql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { errorMessage } from '../client';
import { ImportFileMutation, ImportsQuery } from './imports/queries';

const KINDS: ImportKind[] = ['SHOP_DAYS', 'PRODUCT_DAYS', 'AGENT_DAYS', 'AD_DAYS', 'DELIVERABLES', 'COMPETITORS'];
type Answer = ImportAnswer['importFile'];
type Record = History['imports']['nodes'][number];

/**
 * 数据导入: an export uploaded as it is (CSV in any encoding, xlsx, xls; the API detects the
 * layout), first as a dry run (rows to insert and overwrite, the layout taken, warnings, the
 * first rows as parsed, nothing written), then committed; and the team's import history. The
 * API's refusals (a finalized month, an unknown person, a wrong file) are shown as it words them.
 */
export default function ImportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const team = useSession().team!;
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<ImportKind>('SHOP_DAYS');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Answer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [{ fetching }, importFile] = useMutation(ImportFileMutation);
  const [{ data: history, error: historyError }, refetchHistory] = useQuery({ query: ImportsQuery, variables: { teamId: team.id } });

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setRefusal(null);
    const result = await importFile({ input: { teamId: team.id, kind, file, dryRun, previewRows: 5 } });
    if (result.error || !result.data) {
      setPreview(null);
      setRefusal(errorMessage(result.error) ?? '');
      return;
    }
    const answer = result.data.importFile;
    if (dryRun) setPreview(answer);
    else {
      setPreview(null);
      setFile(null);
      message.success(t('importedDone', { inserted: answer.inserted, updated: answer.updated }));
      refetchHistory({ requestPolicy: 'network-only' });
    }
  };

  return (
    <div data-testid="imports">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('importsTitle')}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select<ImportKind>
            style={{ width: 220 }}
            value={kind}
            data-testid="import-kind"
            onChange={(k) => {
              setKind(k);
              setPreview(null);
            }}
            options={KINDS.map((k) => ({ value: k, label: t(k) }))}
          />
          <input
            type="file"
            accept=".csv,.txt,.xlsx,.xls"
            aria-label={t('chooseFile')}
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setRefusal(null);
            }}
          />
          <Button disabled={!file} loading={fetching} data-testid="import-preview" onClick={() => send(true)}>
            {t('previewImport')}
          </Button>
          <Button type="primary" disabled={!preview} loading={fetching} data-testid="import-commit" onClick={() => send(false)}>
            {t('commitImport')}
          </Button>
        </Space>
      </Card>

      {refusal && <Alert type="error" showIcon data-testid="import-refused" title={refusal} style={{ marginBottom: 16 }} />}
      {preview && <Preview answer={preview} />}

      {historyError && <Alert type="warning" showIcon title={errorMessage(historyError)} style={{ marginBottom: 16 }} />}
      <Card size="small" title={t('importHistory')}>
        <Table<Record>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="import-history"
          dataSource={history?.imports.nodes ?? []}
          onRow={(r) => ({ 'data-testid': 'import-record', 'data-file': r.fileName ?? '' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('createdAt'), dataIndex: 'at', render: (at: string) => i18n.dateTime(at) },
            { title: t('importKind'), dataIndex: 'kind', render: (k: ImportKind) => t(k) },
            { title: t('fileName'), dataIndex: 'fileName', render: (f: string | null) => f ?? '—' },
            { title: t('via'), dataIndex: 'via' },
            { title: t('rowsInFile'), dataIndex: 'rows', align: 'right' },
            { title: t('toInsert'), dataIndex: 'inserted', align: 'right' },
            { title: t('toUpdate'), dataIndex: 'updated', align: 'right' },
            { title: t('warnings'), dataIndex: 'warningCount', align: 'right' },
            { title: t('importedBy'), key: 'by', render: (_, r) => r.importedBy?.name ?? '—' },
          ]}
        />
      </Card>
    </div>
  );
}

function Preview({ answer }: { answer: Answer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = answer.preview[0]?.fields.map((f) => f.name) ?? [];
  return (
    <Card
      size="small"
      title={t('previewTitle')}
      style={{ marginBottom: 16 }}
      data-testid="import-dry-run"
      data-inserted={answer.inserted}
      data-updated={answer.updated}
      data-rows={answer.rows}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('rowsInFile')}>{answer.rows}</Descriptions.Item>
        <Descriptions.Item label={t('toInsert')}>{answer.inserted}</Descriptions.Item>
        <Descriptions.Item label={t('toUpdate')}>{answer.updated}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" data-testid="import-layout">
        {t('layoutLine', { format: answer.layout.format, encoding: answer.layout.encoding ?? '—', line: answer.layout.headerLine })}
        {answer.layout.ignoredColumns.length > 0 && (
          <>
            {' · '}
            {t('ignoredColumns')}: {answer.layout.ignoredColumns.map((c) => <Tag key={c}>{c}</Tag>)}
          </>
        )}
      </Typography.Paragraph>
      {answer.previousImport && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-seen-before"
          style={{ marginBottom: 8 }}
          title={t('importedBefore', { at: i18n.dateTime(answer.previousImport.at), who: answer.previousImport.importedBy?.name ?? '—' })}
        />
      )}
      {answer.warnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${t('warnings')} (${answer.warningCount})`}
          description={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {answer.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="line"
        scroll={{ x: 'max-content' }}
        data-testid="import-preview-rows"
        dataSource={answer.preview.map((r) => ({ line: r.line, ...Object.fromEntries(r.fields.map((f) => [f.name, f.value])) }))}
        columns={[{ title: '#', dataIndex: 'line' }, ...names.map((n) => ({ title: n, dataIndex: n }))]}
      />
    </Card>
  );
}
