import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { App as AntApp, Button, Descriptions, Divider, Drawer, Input, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { Grade, ScoringMethod } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { errorMessage, fieldErrors } from '../../client';
import { AdjustGradeMutation, CommentReviewMutation, GRADE_COLOR, ReviewAuditQuery, type Review } from './queries';

type Line = Review['lines'][number];

/**
 * One review line by line (KPI, actual, target, scoring method, score, weight), so that the
 * total can be checked by hand: Σ(weight × score) / Σ weight over the scored lines. The manager
 * adjusts the grade (a reason is required) and comments; the audit trail says who changed what.
 */
export function ReviewDrawer({
  review,
  methods,
  teamId,
  canManage,
  onClose,
}: {
  review: Review | null;
  methods: Map<string, ScoringMethod>;
  teamId: string;
  canManage: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Drawer open={!!review} onClose={onClose} size={820} title={review?.staff?.name ?? ''} data-testid="review-drawer" destroyOnHidden>
      {review && (
        <div data-testid="review-detail" data-review={review.id} data-total={review.total ?? ''} data-grade={review.grade ?? ''}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('role')}>{i18n.tx(review.role)}</Descriptions.Item>
            <Descriptions.Item label={t('month')}>{review.month}</Descriptions.Item>
            <Descriptions.Item label={t('totalScore')}>
              <span data-testid="detail-total">{review.total ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('finalGrade')}>
              {review.grade ? <Tag color={GRADE_COLOR[review.grade]} data-testid="detail-grade">{review.grade}</Tag> : '—'}
              <Typography.Text type="secondary">
                {t('computedGrade')}: {review.computedGrade ?? '—'}
              </Typography.Text>
              {review.demoted && <Tag style={{ marginLeft: 8 }}>{t('demoted')}</Tag>}
            </Descriptions.Item>
            {review.adjustmentReason && (
              <Descriptions.Item label={t('adjustmentReason')} span={2}>
                {review.adjustmentReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Divider titlePlacement="start">{t('reviewLines')}</Divider>
          <Table<Line>
            size="small"
            rowKey="code"
            pagination={false}
            data-testid="review-lines"
            scroll={{ x: 'max-content' }}
            dataSource={review.lines}
            onRow={(l) =>
              ({
                'data-testid': 'review-line',
                'data-code': l.code,
                'data-score': l.score ?? '',
                'data-weight': l.weight,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('kpi'), dataIndex: 'metric', render: (m: string, l) => <span title={l.code}>{i18n.tx(m)}</span> },
              // Exact as the API gives them: enough digits to see why a tier was or was not reached.
              { title: t('actual'), dataIndex: 'actual', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('target'), dataIndex: 'target', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('method'), key: 'method', render: (_, l) => (methods.has(l.code) ? i18n.tx(methods.get(l.code)!) : '—') },
              {
                title: t('score'),
                dataIndex: 'score',
                align: 'right',
                render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('notScored')}</Typography.Text>,
              },
              { title: t('weight'), dataIndex: 'weight', align: 'right' },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('weightedTotal')}
          </Typography.Text>

          {canManage && <Adjust review={review} teamId={teamId} />}
          <Audit reviewId={review.id} />
        </div>
      )}
    </Drawer>
  );
}

function Adjust({ review, teamId }: { review: Review; teamId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [grade, setGrade] = useState<Grade | 'computed'>(review.grade ?? 'computed');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState(review.comment ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ fetching: adjusting }, adjust] = useMutation(AdjustGradeMutation);
  const [{ fetching: commenting }, saveComment] = useMutation(CommentReviewMutation);
  const who = { teamId, month: review.month, staffId: review.staff?.id ?? '' };
  return (
    <>
      <Divider titlePlacement="start">{t('adjustGrade')}</Divider>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select<Grade | 'computed'>
          style={{ width: 200 }}
          value={grade}
          data-testid="adjust-grade"
          onChange={setGrade}
          options={[
            { value: 'computed', label: t('gradeAsComputed') },
            ...(['S', 'A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: g })),
          ]}
        />
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={reason}
          placeholder={t('adjustReasonRequired')}
          data-testid="adjust-reason"
          status={errors.reason ? 'error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors.reason && <Typography.Text type="danger">{errors.reason}</Typography.Text>}
        <Button
          type="primary"
          disabled={!reason.trim()}
          loading={adjusting}
          data-testid="adjust-submit"
          onClick={async () => {
            setErrors({});
            const result = await adjust({ input: { ...who, grade: grade === 'computed' ? null : grade, reason: reason.trim() } });
            if (result.error) {
              setErrors(fieldErrors(result.error));
              message.error(errorMessage(result.error));
            } else {
              setReason('');
              message.success(t('gradeAdjusted'));
            }
          }}
        >
          {t('adjustGrade')}
        </Button>
        <Input.TextArea
          rows={2}
          maxLength={4000}
          value={comment}
          placeholder={t('comment')}
          data-testid="review-comment"
          onChange={(e) => setComment(e.target.value)}
        />
        <Button
          loading={commenting}
          data-testid="comment-submit"
          onClick={async () => {
            const result = await saveComment({ input: { ...who, comment } });
            if (result.error) message.error(errorMessage(result.error));
            else message.success(t('commentSaved'));
          }}
        >
          {t('saveComment')}
        </Button>
      </Space>
    </>
  );
}

function Audit({ reviewId }: { reviewId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Refetched whenever a mutation returns a Review (an adjustment, a comment): the trail holds none.
  const context = useMemo(() => ({ additionalTypenames: ['Review'] }), []);
  const [{ data }] = useQuery({ query: ReviewAuditQuery, variables: { reviewId }, context });
  const entries = data?.reviewAuditTrail.nodes ?? [];
  if (entries.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('auditTrail')}</Divider>
      <Timeline
        data-testid="review-audit"
        items={entries.map((a, i) => ({
          key: i,
          content: (
            <div data-testid="review-audit-entry" data-field={a.field}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i18n.dateTime(a.at)} · {a.actor?.name ?? '—'}
              </Typography.Text>
              <br />
              {i18n.tx(`audit_${a.field}`)}: {a.before ?? '—'} → {a.after ?? '—'}
            </div>
          ),
        }))}
      />
    </>
  );
}
