import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../api/client';
import { useSession } from '../app/session';
import { CursorPager } from '../components/CursorPager';
import { ErrorAlert } from '../components/ErrorAlert';
import { IdNumber } from '../components/IdNumber';
import { SchoolSelect } from '../components/SchoolSelect';
import { TeacherSearchDocument, type StaffStatus, type TeacherFilter, type TeacherSearchQuery } from '../__generated__/graphql';
import { useCursorPages } from '../lib/cursor-pages';
import { CODES, label } from '../lib/labels';

type Row = TeacherSearchQuery['teachers']['nodes'][number];

const SERVING: StaffStatus[] = ['IN_SERVICE', 'NOT_AT_POST'];

/** Teachers by name, school, subject and status, a page at a time through the API's cursors. */
export default function Teachers() {
  const { session } = useSession();
  const [form] = Form.useForm();
  const [filter, setFilter] = useState<TeacherFilter>({ status: SERVING });
  const pages = useCursorPages<Row>(
    (first, after, signal) => request(TeacherSearchDocument, { first, after, filter }, { signal }).then((d) => d.teachers),
    JSON.stringify(filter),
  );

  const search = (v: { name?: string; schoolId?: string; subject?: string; status?: StaffStatus[] }) =>
    setFilter({
      namePrefix: v.name?.trim() || undefined,
      schoolId: v.schoolId || undefined,
      teachingSubject: v.subject?.trim() || undefined,
      status: v.status?.length ? v.status : undefined,
    });

  return (
    <Card title="教师查询">
      <Form form={form} layout="vertical" initialValues={{ status: SERVING }} onFinish={search}>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="name" label="姓名">
              <Input placeholder="姓名的开头，如 王" allowClear data-testid="name-filter" />
            </Form.Item>
          </Col>
          {session?.role === 'DISTRICT_ADMIN' ? (
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="schoolId" label="学校">
                <SchoolSelect value={form.getFieldValue('schoolId')} onChange={(id) => form.setFieldValue('schoolId', id)} allowClear />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12} lg={5}>
            <Form.Item name="subject" label="任教学科">
              <Input placeholder="如 数学" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={7}>
            <Form.Item name="status" label="人员状态">
              <Select mode="multiple" allowClear options={CODES.STAFF_STATUS.values().map((v) => ({ value: v, label: label(CODES.STAFF_STATUS, v) }))} placeholder="全部" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} style={{ marginBottom: 16 }} data-testid="search">
          查询
        </Button>
      </Form>
      <ErrorAlert error={pages.error} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={pages.loading}
        dataSource={pages.nodes as Row[]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="teachers-table"
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', render: (n: string, r) => <Link to={`/teachers/${r.id}`}>{n}</Link> },
          { title: '身份证件号', dataIndex: 'idNumber', render: (v: string) => <IdNumber value={v} /> },
          { title: '学校', key: 'school', responsive: ['md'], render: (_: unknown, r) => r.school.name },
          { title: '任教学科', dataIndex: 'teachingSubject', responsive: ['sm'], render: (v: string | null) => v ?? '—' },
          { title: '职称', dataIndex: 'professionalTitle', responsive: ['lg'], render: (v: string | null) => label(CODES.PROFESSIONAL_TITLE, v) },
          { title: '性别', dataIndex: 'gender', responsive: ['lg'], render: (v: string) => label(CODES.GENDER, v) },
          {
            title: '人员状态',
            dataIndex: 'status',
            responsive: ['sm'],
            render: (v: string) => <Tag color={SERVING.includes(v as StaffStatus) ? 'green' : 'default'}>{label(CODES.STAFF_STATUS, v)}</Tag>,
          },
        ]}
      />
      <CursorPager pages={pages} />
    </Card>
  );
}
