import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Card, Col, Empty, Input, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Grade } from '../gql/graphql';
import { useI18n } from '../i18n';
import { monthBefore, monthParam, useSession } from '../session';
import { LoadFailed } from '../components/LoadFailed';
import { LazyChart } from '../components/LazyChart';
import { GRADE_COLOR, ReviewsQuery, type Review } from './reviews/queries';
import { ReviewDrawer } from './reviews/ReviewDrawer';
import { ScoreChart } from './reviews/ScoreChart';

const GRADES: Grade[] = ['S', 'A', 'B', 'C', 'D'];

/**
 * 考核: a month's reviews (last month by default, `?month=`): each person's total, computed and
 * final grade, demotions by the forced distribution, adjustments and comments, and the change
 * against the month before; as charts, the grade distribution and each person's total beside
 * last month's. A row opens the review line by line. A staff member gets only their own review:
 * the API's answer (§9).
 */
export default function ReviewsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const team = session.team!;
  const [params, setParams] = useSearchParams();
  const { month, lastMonth } = monthParam(params.get('month'), team.timeZone);
  const previous = monthBefore(month);
  const openId = params.get('review');
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ReviewsQuery,
    variables: { teamId: team.id, month, previous },
  });

  const before = useMemo(() => new Map((data?.previous ?? []).map((r) => [r.staff?.id, r.total])), [data]);
  const counts = useMemo(() => GRADES.map((g) => (data?.reviews ?? []).filter((r) => r.grade === g).length), [data]);

  if (!data && fetching) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!data) return <LoadFailed error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;

  const open = data.reviews.find((r) => r.id === openId) ?? null;
  const methods = new Map(data.kpiLibrary.map((k) => [k.code, k.method]));
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <div data-testid="reviews" data-month={month}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('reviewsTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('reviewsSubtitle', { month })}</Typography.Text>
        </div>
        <Input
          type="month"
          style={{ width: 160 }}
          value={month}
          data-testid="reviews-month"
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setParam('month', e.target.value === lastMonth ? null : e.target.value)}
        />
      </Space>
      {data.reviews.length === 0 ? (
        <Empty description={t('noReviews')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Card size="small">
              <Table<Review>
                size="small"
                rowKey="id"
                pagination={false}
                data-testid="review-table"
                dataSource={data.reviews}
                onRow={(r) =>
                  ({
                    'data-testid': 'review-row',
                    'data-staff': r.staff?.id ?? '',
                    'data-grade': r.grade ?? '',
                    style: { cursor: 'pointer' },
                    onClick: () => setParam('review', r.id),
                  }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  { title: t('person'), key: 'person', render: (_, r) => r.staff?.name ?? '—' },
                  { title: t('role'), dataIndex: 'role', render: (role: string) => i18n.tx(role) },
                  {
                    title: t('totalScore'),
                    dataIndex: 'total',
                    align: 'right',
                    sorter: (a, b) => Number(a.total ?? -1) - Number(b.total ?? -1),
                    render: (v: string | null) => <span data-testid="review-total">{v ?? '—'}</span>,
                  },
                  {
                    title: t('vsLastMonth'),
                    key: 'delta',
                    align: 'right',
                    render: (_, r) => {
                      const was = before.get(r.staff?.id);
                      if (r.total == null || was == null) return '—';
                      const d = Number(r.total) - Number(was);
                      return (
                        <Typography.Text type={d > 0 ? 'success' : d < 0 ? 'danger' : 'secondary'} data-testid="review-delta">
                          {d > 0 ? '+' : ''}
                          {i18n.num(d, 2)}
                        </Typography.Text>
                      );
                    },
                  },
                  { title: t('computedGrade'), dataIndex: 'computedGrade', render: (g: Grade | null) => g ?? '—' },
                  {
                    title: t('finalGrade'),
                    key: 'grade',
                    render: (_, r) => (
                      <Space size={4}>
                        {r.grade ? <Tag color={GRADE_COLOR[r.grade]} data-testid="review-grade">{r.grade}</Tag> : '—'}
                        {r.demoted && <Tag data-testid="review-demoted">{t('demoted')}</Tag>}
                        {r.adjustmentReason && <Tag color="purple">{t('adjusted')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: t('comment'),
                    dataIndex: 'comment',
                    ellipsis: true,
                    render: (c: string | null) => c ?? '',
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Card size="small" title={t('gradeDistribution')} data-testid="grade-distribution" data-counts={counts.join(',')}>
              <LazyChart
                height={240}
                testId="grade-chart"
                option={{
                  grid: { left: 32, right: 8, top: 16, bottom: 24 },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: GRADES },
                  yAxis: { type: 'value', minInterval: 1, name: t('people') },
                  series: [
                    {
                      type: 'bar',
                      data: GRADES.map((g, i) => ({ value: counts[i], itemStyle: { color: barColor[g] } })),
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col span={24}>
            <ScoreChart reviews={data.reviews} before={before} month={month} previous={previous} />
          </Col>
        </Row>
      )}
      <ReviewDrawer
        review={open}
        methods={methods}
        teamId={team.id}
        canManage={session.canManage}
        onClose={() => setParam('review', null)}
      />
    </div>
  );
}

const barColor: Record<Grade, string> = { S: '#faad14', A: '#52c41a', B: '#1677ff', C: '#fa8c16', D: '#ff4d4f' };
