import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { readSession } from '../api/session';
import { currentYear } from '../lib/labels';

/**
 * GraphiQL from the platform's own bundle, at the gateway's /graphql: it talks to this origin only,
 * with the console's token (the same localStorage), and loads nothing from elsewhere.
 */
const session = readSession();

const DEFAULT_QUERY = `# 教师队伍管理平台 GraphQL IDE
# 请求带着控制台登录的令牌（见下方 Headers）；没有登录时请先在 /console/ 登录或在 Headers 中填写。
query DistrictFigures {
  districtReport(year: ${currentYear()}) {
    year
    teacherCount
    trainingPersonTimes
    designatedShareOfPublicTeachers
  }
}
`;

/** Posts to this origin's /graphql with the headers the Headers editor holds. */
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [k, v] of Object.entries(opts?.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return res.json();
};

createRoot(document.getElementById('ide')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={DEFAULT_QUERY}
    defaultHeaders={session ? JSON.stringify({ authorization: `Bearer ${session.token}` }, null, 2) : '{\n  "authorization": "Bearer "\n}'}
    defaultEditorToolsVisibility={true}
    shouldPersistHeaders={false}
  />,
);
