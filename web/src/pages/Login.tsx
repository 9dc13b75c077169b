import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { errorMessage } from '../client';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      staff { id name access }
    }
  }
`);

interface LoginValues {
  email: string;
  password: string;
}

export function LoginPage({ onToken }: { onToken: (token: string) => void }) {
  const { t, lang, setLang } = useI18n();
  const [state, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: LoginValues) => {
    setError(null);
    const result = await login({ input: { email: values.email.trim(), password: values.password } });
    if (result.data?.login.token) onToken(result.data.login.token);
    else setError(errorMessage(result.error) ?? t('error'));
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card
        style={{ width: 380 }}
        title={t('loginTitle')}
        extra={
          <Button type="link" data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
        }
      >
        <Form<LoginValues> layout="vertical" onFinish={submit} data-testid="login-form" requiredMark={false}>
          <Form.Item name="email" label={t('email')} rules={[{ required: true, message: t('emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <Form.Item>
              <Alert type="error" showIcon title={error} data-testid="login-error" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={state.fetching} data-testid="login-submit">
            {t('login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          <a href="/graphiql.html">GraphiQL</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
