import { Alert, Card, Col, Descriptions, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { request } from '../api/client';
import type { ApiError } from '../api/errors';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { IdNumber } from '../components/IdNumber';
import { TeacherRecordDocument, type TeacherRecordQuery } from '../__generated__/graphql';
import { TeacherTimeline } from '../components/TeacherTimeline';
import { formatCount, formatYuan } from '../lib/format';
import { CODES, currentYear, label } from '../lib/labels';

type Teacher = NonNullable<TeacherRecordQuery['teacher']>;
type Rotation = NonNullable<Teacher['rotations']>[number];
type Training = NonNullable<Teacher['trainings']>[number];
type Pay = NonNullable<Teacher['payHistory']>[number];
type Violation = NonNullable<Teacher['violations']>[number];

/** Shown where a service answers null: the token may not read that part of the record. */
const NOT_ALLOWED = '无权查看';

function Section({ title, service, children }: { title: string; service: string; children: React.ReactNode }) {
  return (
    <Card
      size="small"
      data-testid="record-section"
      title={
        <Space>
          {title}
          <Tag>{service}</Tag>
        </Space>
      }
    >
      {children}
    </Card>
  );
}

/** A list of the record under its heading: 无权查看 when the service answered null, 无 when it is empty. */
function list<T>(heading: string, rows: readonly T[] | null | undefined, render: (rows: readonly T[]) => React.ReactNode) {
  const body =
    rows === null || rows === undefined ? (
      <Typography.Text type="secondary">{NOT_ALLOWED}</Typography.Text>
    ) : !rows.length ? (
      <Typography.Text type="secondary">无</Typography.Text>
    ) : (
      render(rows)
    );
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {heading}
      </Typography.Text>
      {body}
    </div>
  );
}

/** One teacher's record as the four services hold it, with the year-scoped parts for a chosen year. */
export default function TeacherDetail() {
  const { id } = useParams();
  const { session } = useSession();
  const [year, setYear] = useState(() => currentYear());
  const [teacher, setTeacher] = useState<Teacher | null>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!id) return;
    setError(undefined);
    request(TeacherRecordDocument, { id, year })
      .then((d) => setTeacher(d.teacher))
      .catch(setError);
  }, [id, year]);

  if (error) return <ErrorAlert error={error} />;
  if (teacher === undefined) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (teacher === null) return <Alert type="warning" showIcon title="没有这位教师，或不在您的权限范围内" />;

  const years = Array.from({ length: 6 }, (_, i) => currentYear() - i);
  const t = teacher;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="teacher-record">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t.name}
            </Typography.Title>
            <Tag color="green">{label(CODES.STAFF_STATUS, t.status)}</Tag>
            {session?.role !== 'TEACHER' ? <Link to="/teachers">返回查询</Link> : null}
          </Space>
        }
        extra={
          <Space>
            年度
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label="学校">{t.school.name}</Descriptions.Item>
          <Descriptions.Item label="身份证件号">
            <IdNumber value={t.idNumber} />
          </Descriptions.Item>
          <Descriptions.Item label="教职工号">{t.staffNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="性别">{label(CODES.GENDER, t.gender)}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{t.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="民族">{label(CODES.ETHNICITY, t.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label="政治面貌">{label(CODES.POLITICAL_STATUS, t.politicalStatus)}</Descriptions.Item>
          <Descriptions.Item label="参加工作年月">{t.workStartMonth ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="进本校年月">{t.schoolStartMonth ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="是否在编">{t.inQuota === null ? '—' : t.inQuota ? '是' : `否（${label(CODES.EMPLOYMENT_FORM, t.employmentForm)}）`}</Descriptions.Item>
          <Descriptions.Item label="岗位类别">{label(CODES.POST_CATEGORY, t.postCategory)}</Descriptions.Item>
          <Descriptions.Item label="专业技术职务">{label(CODES.PROFESSIONAL_TITLE, t.professionalTitle)}</Descriptions.Item>
          <Descriptions.Item label="最高学历">{label(CODES.EDUCATION, t.education)}</Descriptions.Item>
          <Descriptions.Item label="任教学段">{t.teachingStage ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="任教学科">{t.teachingSubject ?? '—'}</Descriptions.Item>
          {(t.extraFields ?? []).map((f) => (
            <Descriptions.Item key={f.name} label={f.name}>
              {f.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Section title="招聘与交流轮岗" service="人事">
            {list('招聘', t.hires, (rows) => (
              <Descriptions size="small" column={1}>
                {rows.map((h) => (
                  <Descriptions.Item key={h.id} label={`${h.year} 年招聘`}>
                    {label(CODES.HIRE_CHANNEL, h.channel)}
                    {h.inQuotaDate ? `，${h.inQuotaDate} 入编` : ''}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ))}
            {list('交流轮岗', t.rotations, (rows) => (
              <Table<Rotation> size="small" rowKey="id" pagination={false} dataSource={[...rows]} scroll={{ x: 480 }}
                columns={[
                  { title: '开始', dataIndex: 'startMonth' },
                  { title: '结束', dataIndex: 'endMonth', render: (v: string | null) => v ?? '至今' },
                  { title: '类型', dataIndex: 'type' },
                  { title: '从', dataIndex: 'fromSchoolName' },
                  { title: '到', dataIndex: 'toSchoolName' },
                ]}
              />
            ))}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title="培训与称号" service="教师发展">
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="累计培训">{t.trainingPersonTimes === null ? NOT_ALLOWED : `${formatCount(t.trainingPersonTimes)} 人次`}</Descriptions.Item>
              <Descriptions.Item label="累计学时">{t.trainingHours === null ? NOT_ALLOWED : formatCount(t.trainingHours)}</Descriptions.Item>
              <Descriptions.Item label="师傅">{t.mentor ? <Link to={`/teachers/${t.mentor.id}`}>{t.mentor.name}</Link> : '—'}</Descriptions.Item>
              <Descriptions.Item label="工作室">{t.studios?.length ? t.studios.map((s) => s.name).join('、') : '—'}</Descriptions.Item>
            </Descriptions>
            {list('称号', t.designations, (rows) => (
              <Space wrap style={{ marginBottom: 8 }}>
                {rows.map((d) => (
                  <Tag color="gold" key={d.id}>
                    {d.year} {label(CODES.DESIGNATION_LEVEL, d.level)}
                    {label(CODES.DESIGNATION_KIND, d.kind)}
                  </Tag>
                ))}
              </Space>
            ))}
            {list('培训', t.trainings, (rows) => (
              <Table<Training> size="small" rowKey="id" dataSource={[...rows]} pagination={{ pageSize: 5, hideOnSinglePage: true }} scroll={{ x: 420 }}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 64 },
                  { title: '项目', key: 'name', render: (_: unknown, r) => r.programme.name },
                  { title: '类别', key: 'level', render: (_: unknown, r) => label(CODES.TRAINING_LEVEL, r.programme.level) },
                  { title: '学时', dataIndex: 'hours', width: 64 },
                ]}
              />
            ))}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title="工资与人才补贴" service="待遇保障">
            {t.talent ? (
              <Typography.Paragraph>
                {year} 年 {label(CODES.TALENT_CATEGORY, t.talent.category)}优秀教育人才：{label(CODES.TALENT_RESULT, t.talent.result)}，补贴 {formatYuan(t.talent.subsidy)} 元
              </Typography.Paragraph>
            ) : null}
            {list('年度工资', t.payHistory, (rows) => (
              <Table<Pay> size="small" rowKey="id" pagination={false} dataSource={[...rows]}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '年收入（元）', dataIndex: 'annualIncome', align: 'right', render: (v: string) => formatYuan(v) },
                  { title: '月合计（元）', dataIndex: 'monthlyTotal', align: 'right', render: (v: string) => formatYuan(v) },
                ]}
              />
            ))}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title="师德、考核与荣誉" service="教育治理">
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label={`${year} 师德考核`}>{t.ethics ? label(CODES.ETHICS_RESULT, t.ethics.result) : '—'}</Descriptions.Item>
              <Descriptions.Item label={`${year} 年度考核`}>
                {t.appraisal ? `${label(CODES.APPRAISAL_RESULT, t.appraisal.result)}${t.appraisal.forcedByEthics ? '（因师德不合格）' : ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="一票否决">{t.eligibility ? (t.eligibility.vetoed ? <Tag color="red">受否决</Tag> : '否') : NOT_ALLOWED}</Descriptions.Item>
            </Descriptions>
            {list('违反负面清单', t.violations, (rows) => (
              <Table<Violation> size="small" rowKey="id" pagination={false} dataSource={[...rows]} scroll={{ x: 420 }}
                columns={[
                  { title: '日期', dataIndex: 'occurredOn' },
                  { title: '负面清单', key: 'item', render: (_: unknown, r) => r.negativeListItem?.title ?? <Tag color="orange">待归类</Tag> },
                  { title: '处分', dataIndex: 'sanction', render: (v: string | null) => label(CODES.SANCTION, v) },
                ]}
              />
            ))}
            {list('荣誉', t.awards, (rows) => (
              <Space wrap style={{ marginTop: 8 }}>
                {rows.map((a) => (
                  <Tag key={a.id} color="blue">
                    {a.awardedOn.slice(0, 4)} {label(CODES.HONOR_LEVEL, a.level)} {a.title}
                  </Tag>
                ))}
              </Space>
            ))}
          </Section>
        </Col>
      </Row>
      <Card title="履历（四个服务的变更记录，最新在前）" size="small">
        <TeacherTimeline teacherId={t.id} />
      </Card>
    </Space>
  );
}
