import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AccessLevel } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { errorMessage } from '../../client';
import { LoadFailed } from '../../components/LoadFailed';
import { useMorePages } from './teamPages';
import { StaffAliases } from './StaffAliases';
import { ResetPasswordModal, StaffFormModal } from './StaffForms';
import { DeactivateStaffMutation, ReactivateStaffMutation, TeamStaffQuery, type StaffRow } from './StaffQueries';

const ACCESS_COLOR: Record<AccessLevel, string> = { ADMIN: 'purple', MANAGER: 'blue', STAFF: 'default' };

/**
 * 人员: the team's people (a page of 100 at a time) with their e-mail, role, access, whether they
 * can sign in, and their chat aliases; a person made, changed, deactivated or reactivated (with a
 * confirm), their password reset. What is offered follows §9 and the API's rules: a manager
 * manages the team's STAFF and MANAGER accounts, an admin also ADMIN ones; nobody deactivates,
 * reactivates or changes the access of themselves here.
 */
export function StaffSettings({ teamId }: { teamId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const isAdmin = session.me.access === 'ADMIN';
  const { message } = AntApp.useApp();
  const client = useClient();
  const [{ data, error, fetching }, refetch] = useQuery({ query: TeamStaffQuery, variables: { teamId } });
  const pages = useMorePages(
    teamId,
    data?.staff,
    async (after) => {
      const r = await client.query(TeamStaffQuery, { teamId, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.staff, error: r.error };
    },
    () => refetch({ requestPolicy: 'network-only' }),
  );
  const [editing, setEditing] = useState<StaffRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffRow | null>(null);
  const [, deactivate] = useMutation(DeactivateStaffMutation);
  const [, reactivate] = useMutation(ReactivateStaffMutation);

  if (!data && !fetching) return <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;

  // Only an admin manages an ADMIN account (the API's `ensure_manages`).
  const manages = (p: StaffRow) => isAdmin || p.access !== 'ADMIN';
  const setActive = async (p: StaffRow, active: boolean) => {
    const result = active ? await reactivate({ input: { id: p.id } }) : await deactivate({ input: { id: p.id } });
    if (result.error) message.error(errorMessage(result.error));
    else message.success(t(active ? 'staffReactivated' : 'staffDeactivated', { name: p.name }));
    void pages.reload();
  };
  const person = editing === 'new' ? null : editing;

  return (
    <Card
      size="small"
      data-testid="settings-staff"
      title={<span data-testid="staff-total">{t('staffTotal', { n: pages.totalCount })}</span>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="staff-new" onClick={() => setEditing('new')}>
          {t('staffNew')}
        </Button>
      }
    >
      <Table<StaffRow>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!data}
        dataSource={pages.nodes}
        onRow={(p) =>
          ({
            'data-testid': 'staff-row',
            'data-staff': p.id,
            'data-email': p.email ?? '',
            'data-access': p.access,
            'data-role': p.role ?? '',
            'data-active': String(p.active),
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('staffName'),
            key: 'name',
            render: (_, p) => (
              <Space size={4}>
                <Typography.Text delete={!p.active}>{p.name}</Typography.Text>
                {p.id === session.me.id && <Tag>{t('staffYou')}</Tag>}
              </Space>
            ),
          },
          { title: t('email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
          { title: t('role'), dataIndex: 'role', render: (v: StaffRow['role']) => (v ? t(v) : '—') },
          {
            title: t('staffAccess'),
            dataIndex: 'access',
            render: (v: AccessLevel) => <Tag color={ACCESS_COLOR[v]}>{t(`access_${v}`)}</Tag>,
          },
          {
            title: t('status'),
            dataIndex: 'active',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'} data-testid="staff-active">{t(v ? 'staffActive' : 'staffInactive')}</Tag>,
          },
          { title: t('staffAliases'), key: 'aliases', width: 320, render: (_, p) => <StaffAliases person={p} onChange={() => void pages.reload()} /> },
          {
            title: '',
            key: 'actions',
            render: (_, p) =>
              manages(p) && (
                <Space size={4}>
                  <Button size="small" data-testid="staff-edit" onClick={() => setEditing(p)}>
                    {t('edit')}
                  </Button>
                  {p.id !== session.me.id && (
                    <>
                      <Button size="small" data-testid="staff-reset-password" onClick={() => setResetting(p)}>
                        {t('staffResetPassword')}
                      </Button>
                      <Popconfirm
                        title={t(p.active ? 'staffDeactivateConfirm' : 'staffReactivateConfirm', { name: p.name })}
                        okText={t('confirm')}
                        cancelText={t('cancel')}
                        okButtonProps={{ 'data-testid': 'staff-active-confirm' }}
                        onConfirm={() => setActive(p, !p.active)}
                      >
                        <Button size="small" danger={p.active} data-testid={p.active ? 'staff-deactivate' : 'staff-reactivate'}>
                          {t(p.active ? 'staffDeactivate' : 'staffReactivate')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {pages.hasMore && (
        <Button block style={{ marginTop: 12 }} loading={pages.loadingMore} data-testid="staff-more" onClick={() => void pages.loadMore()}>
          {t('loadMore')} · {t('showingOf', { shown: pages.nodes.length, total: pages.totalCount })}
        </Button>
      )}
      <StaffFormModal
        // A fresh form for each person opened.
        key={person?.id ?? 'new'}
        teamId={teamId}
        person={person}
        open={editing !== null}
        isAdmin={isAdmin}
        isSelf={person?.id === session.me.id}
        onClose={() => setEditing(null)}
        onSaved={() => void pages.reload()}
      />
      <ResetPasswordModal person={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
