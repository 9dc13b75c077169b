import { useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import {
  CustomerServiceOutlined,
  DashboardOutlined,
  FileTextOutlined,
  LineChartOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  AccountBookOutlined,
  CloudUploadOutlined,
  SettingOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { graphql } from './gql';
import { useI18n } from './i18n';
import { loadMe, loadTeamChoice, saveMe, saveTeamChoice } from './auth';
import { SessionContext, type Session } from './session';
import { LoadFailed } from './components/LoadFailed';

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      access
      role
      team { id name timeZone }
    }
    teams(first: 100) {
      nodes { id name timeZone active }
    }
  }
`);

const { Header, Sider, Content } = Layout;

export function Shell({ onLogout }: { onLogout: () => void }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [{ data: fresh, error, fetching }, refetch] = useQuery({ query: MeQuery });
  const [cached] = useState(loadMe);
  const data = fresh ?? cached;
  useEffect(() => {
    if (fresh) saveMe(fresh);
  }, [fresh]);
  const [picked, setPicked] = useState<string | null>(loadTeamChoice);

  const isAdmin = data?.me.access === 'ADMIN';
  const teams = useMemo(() => data?.teams.nodes ?? [], [data]);

  const session = useMemo<Session | null>(() => {
    if (!data) return null;
    const { me } = data;
    let team = me.team ?? null;
    if (me.access === 'ADMIN') {
      team = teams.find((x) => x.id === picked) ?? teams.find((x) => x.active) ?? teams[0] ?? null;
    }
    return {
      me: { id: me.id, name: me.name, access: me.access, role: me.role },
      team: team ? { id: team.id, name: team.name, timeZone: team.timeZone } : null,
      canManage: me.access === 'ADMIN' || me.access === 'MANAGER',
    };
  }, [data, teams, picked]);

  const selectedKey = ['/trends', '/cs', '/reports', '/tasks', '/reviews', '/bonus', '/imports', '/settings'].find((p) => location.pathname.startsWith(p)) ?? '/';

  let body: React.ReactNode;
  if (!data && fetching) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (!session)
    body = (
      <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!session.team) body = <Alert type="info" showIcon title={t('noTeam')} />;
  else
    body = (
      <SessionContext.Provider value={session}>
        <Outlet />
      </SessionContext.Provider>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={220} zeroWidthTriggerStyle={{ top: 12 }}>
        <div className="shopops-logo">{t('appName')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey]}
          onClick={({ key }) => navigate(key)}
          data-testid="side-menu"
          items={[
            { key: '/', icon: <DashboardOutlined />, label: t('menuBoard') },
            { key: '/trends', icon: <LineChartOutlined />, label: t('menuTrends') },
            { key: '/cs', icon: <CustomerServiceOutlined />, label: t('menuCs') },
            { key: '/reports', icon: <FileTextOutlined />, label: t('menuReports') },
            { key: '/tasks', icon: <ScheduleOutlined />, label: t('menuTasks') },
            { key: '/reviews', icon: <TrophyOutlined />, label: t('menuReviews') },
            { key: '/bonus', icon: <AccountBookOutlined />, label: t('menuBonus') },
            { key: '/imports', icon: <CloudUploadOutlined />, label: t('menuImports') },
            ...(session?.canManage ? [{ key: '/settings', icon: <SettingOutlined />, label: t('menuSettings') }] : []),
          ]}
        />
      </Sider>
      <Layout>
        <Header className="shopops-header" style={{ background: '#fff' }}>
          {isAdmin ? (
            <Space>
              <Typography.Text type="secondary">{t('team')}</Typography.Text>
              <Select
                data-testid="team-select"
                style={{ minWidth: 220 }}
                value={session?.team?.id}
                onChange={(id: string) => {
                  saveTeamChoice(id);
                  setPicked(id);
                }}
                options={teams.map((x) => ({ value: x.id, label: x.name }))}
              />
            </Space>
          ) : (
            <Typography.Text strong className="team-name" data-testid="team-name">
              {session?.team?.name}
            </Typography.Text>
          )}
          <span className="spacer" />
          <Button
            icon={<TranslationOutlined />}
            data-testid="lang-switch"
            title={t('language')}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            <span className="wide-only">{t('language')}</span>
          </Button>
          {data && (
            <Typography.Text className="wide-only" data-testid="me-name">
              {data.me.name}
            </Typography.Text>
          )}
          <Button icon={<LogoutOutlined />} data-testid="logout" onClick={onLogout} title={t('logout')}>
            <span className="wide-only">{t('logout')}</span>
          </Button>
        </Header>
        <Content style={{ padding: 16 }}>{body}</Content>
      </Layout>
    </Layout>
  );
}
