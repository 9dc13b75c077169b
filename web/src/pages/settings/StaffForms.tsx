import { useMutation } from 'urql';
import { App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import type { AccessLevel, StaffRole } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { isEmail, showRefusal } from './teamForm';
import { CreateStaffMutation, ResetStaffPasswordMutation, UpdateStaffMutation, type StaffRow } from './StaffQueries';

const ROLES: StaffRole[] = ['CUSTOMER_SERVICE', 'DESIGNER', 'PROMOTION', 'OPERATIONS'];
/** The API's limits (schema docs): a name of at most 100 characters, a password of 8 to 128. */
const NAME_MAX = 100;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;
const EMAIL_MAX = 254;

interface Values {
  name: string;
  email: string;
  password: string;
  role?: StaffRole;
  access: AccessLevel;
}
const FIELDS = ['name', 'email', 'password', 'role', 'access'] as const;

/**
 * A new person of the team, or one's changes (`person`): name, e-mail, role and access, and a
 * new person's first password. The access offered is what the caller may grant (§9: only an
 * admin grants ADMIN; nobody changes their own); a STAFF account needs a role. The API's field
 * errors are shown at their fields, an e-mail already taken at the e-mail.
 */
export function StaffFormModal({
  teamId,
  person,
  open,
  isAdmin,
  isSelf,
  onClose,
  onSaved,
}: {
  teamId: string;
  person: StaffRow | null;
  open: boolean;
  isAdmin: boolean;
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching: creating }, create] = useMutation(CreateStaffMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateStaffMutation);
  const grantable: AccessLevel[] = isAdmin ? ['STAFF', 'MANAGER', 'ADMIN'] : ['STAFF', 'MANAGER'];

  const submit = async (v: Values) => {
    const result = person
      ? await update({ input: { id: person.id, name: v.name, email: v.email, role: v.role, access: isSelf ? undefined : v.access } })
      : await create({ input: { teamId, name: v.name, email: v.email, password: v.password, role: v.role, access: v.access } });
    if (result.error) return showRefusal(form, result.error, FIELDS, message.error, 'email');
    message.success(person ? t('saved') : t('staffCreated'));
    onSaved();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={person ? t('staffEdit', { name: person.name }) : t('staffNew')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: creating || updating, 'data-testid': 'staff-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="staff-form"
        initialValues={person ? { name: person.name, email: person.email ?? '', role: person.role ?? undefined, access: person.access } : { access: 'STAFF' }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('staffName')}
          rules={[
            { required: true, whitespace: true, message: t('staffNameRequired') },
            { max: NAME_MAX, message: t('staffTooLong', { n: NAME_MAX }) },
          ]}
        >
          <Input maxLength={NAME_MAX} data-testid="staff-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('email')}
          rules={[
            { required: true, whitespace: true, message: t('emailRequired') },
            { validator: async (_, v?: string) => (!v?.trim() || isEmail(v) ? undefined : Promise.reject(new Error(t('staffEmailInvalid')))) },
          ]}
        >
          <Input maxLength={EMAIL_MAX} autoComplete="off" data-testid="staff-email" />
        </Form.Item>
        {!person && (
          <Form.Item
            name="password"
            label={t('staffInitialPassword')}
            extra={t('staffPasswordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            rules={[
              { required: true, message: t('passwordRequired') },
              { min: PASSWORD_MIN, max: PASSWORD_MAX, message: t('staffPasswordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
            ]}
          >
            <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        )}
        <Form.Item
          name="access"
          label={t('staffAccess')}
          extra={isSelf ? t('staffOwnAccess') : isAdmin ? undefined : t('staffAccessHint')}
          rules={[{ required: true }]}
        >
          <Select<AccessLevel>
            disabled={isSelf}
            data-testid="staff-access"
            options={grantable.map((a) => ({ value: a, label: t(`access_${a}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('role')}
          dependencies={['access']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('access') === 'STAFF', message: t('staffRoleRequired') })]}
          // The API keeps a role once given (null means unchanged): it can be changed, not removed.
          extra={person?.role ? undefined : t('staffRoleOptional')}
        >
          <Select<StaffRole>
            allowClear={!person?.role}
            data-testid="staff-role"
            options={ROLES.map((r) => ({ value: r, label: t(r) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A new password for someone the manager manages (8 to 128 characters); their sessions end. */
export function ResetPasswordModal({ person, onClose }: { person: StaffRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [{ fetching }, reset] = useMutation(ResetStaffPasswordMutation);

  return (
    <Modal
      open={!!person}
      title={t('staffResetPasswordOf', { name: person?.name ?? '' })}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: fetching, 'data-testid': 'reset-password-submit' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staffResetPasswordNote')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ newPassword }) => {
          if (!person) return;
          const result = await reset({ input: { id: person.id, newPassword } });
          if (result.error) return showRefusal(form, result.error, ['newPassword'], message.error);
          message.success(t('staffPasswordReset', { name: person.name }));
          onClose();
        }}
      >
        <Form.Item
          name="newPassword"
          label={t('staffNewPassword')}
          rules={[
            { required: true, message: t('passwordRequired') },
            { min: PASSWORD_MIN, max: PASSWORD_MAX, message: t('staffPasswordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX }) },
          ]}
        >
          <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
